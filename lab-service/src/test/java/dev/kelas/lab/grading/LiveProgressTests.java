package dev.kelas.lab.grading;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.AssignmentPublished;
import dev.kelas.lab.testing.LabTestEnvironment;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Nats;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Live grading progress on a real nats-server with the real sandbox: a three-test task (the second test
 * hidden) whose program sleeps about a second per test. A core NATS subscriber on the student's
 * {@code kelas.live.<tenant>.<student>} subject and on {@code kelas.lab.submission.graded} sees what
 * notification-service would relay, in the order it arrives.
 */
@QuarkusTest
@QuarkusTestResource(value = LabTestEnvironment.class, restrictToAnnotatedClass = true)
class LiveProgressTests {
    private static final String SLOW_SUM = "import time\na, b = map(int, input().split())\ntime.sleep(1)\nprint(a + b)\n";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final UUID tenantId = UUID.randomUUID();
    private final UUID teacherId = UUID.randomUUID();
    private final UUID classId = UUID.randomUUID();

    /** One message seen on core NATS: its subject and JSON body. */
    record Seen(String subject, JsonNode body) {
    }

    private RequestSpecification as(UUID userId, String role) {
        return given().contentType(ContentType.JSON).auth().oauth2(LabTestEnvironment.tokens().token(userId, tenantId, role));
    }

    /** Publishes a CODING assignment as learning-service would and creates its three-test task once lab knows it. */
    private String publishedTask() {
        UUID assignmentId = UUID.randomUUID();
        LabTestEnvironment.events().publish(Subjects.LEARNING_ASSIGNMENT_PUBLISHED, tenantId, assignmentId.toString(),
                new AssignmentPublished(assignmentId, classId, teacherId, "Slow sum", "CODING", BigDecimal.TEN,
                        Instant.now().plus(Duration.ofDays(7)), Instant.now(), null));
        List<Map<String, Object>> tests = List.of(
                Map.of("stdin", "1 2\n", "expectedStdout", "3\n", "hidden", false, "points", 2),
                Map.of("stdin", "40 2\n", "expectedStdout", "42\n", "hidden", true, "points", 4),
                Map.of("stdin", "5 5\n", "expectedStdout", "11\n", "hidden", false, "points", 4));
        Map<String, Object> task = Map.of("title", "Slow sum", "language", "python", "statement", "Print a + b.",
                "assignmentId", assignmentId, "classId", classId,
                "limits", Map.of("cpuSeconds", 2, "wallSeconds", 5, "memoryMib", 256), "tests", tests);
        return LabTestEnvironment.createTask(() -> as(teacherId, "TEACHER"), task);
    }

    /** Enrolls a new student in the class as learning-service would announce it; answers the student's id. */
    private UUID enrolledStudent() {
        UUID studentId = UUID.randomUUID();
        LabTestEnvironment.enroll(tenantId, classId, studentId, teacherId);
        return studentId;
    }

    /** Submits once lab-service knows the enrollment; answers the submission's id. */
    private String submit(UUID studentId, String taskId) {
        String[] id = new String[1];
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Response response = as(studentId, "STUDENT").pathParam("id", taskId)
                    .body(Map.of("language", "python", "sourceCode", SLOW_SUM)).post("/api/v1/lab/tasks/{id}/submissions");
            id[0] = response.statusCode() == 202 || response.statusCode() == 201 ? response.path("id") : null;
            return id[0] != null;
        });
        return id[0];
    }

    /** Listens to the student's live subject and to every graded event, in arrival order. */
    private static final class Listener implements AutoCloseable {
        final BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();
        private final Connection connection;

        Listener(UUID tenantId, UUID studentId) throws Exception {
            connection = Nats.connect(LabTestEnvironment.natsUrl());
            Dispatcher dispatcher = connection.createDispatcher(message -> {
                try {
                    JsonNode body = JSON.readTree(new String(message.getData(), StandardCharsets.UTF_8));
                    // the review that follows each verdict is not grading progress (CodeReviewTests covers it)
                    if (!dev.kelas.lab.review.ReviewEventListener.TYPE.equals(body.path("type").asText())) {
                        seen.add(new Seen(message.getSubject(), body));
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            dispatcher.subscribe(Subjects.live(tenantId, studentId));
            dispatcher.subscribe(Subjects.LAB_SUBMISSION_GRADED);
            connection.flush(Duration.ofSeconds(5));
        }

        /** The next message about {@code submissionId} (a graded event of another submission is skipped). */
        Seen next(String submissionId) throws InterruptedException {
            while (true) {
                Seen message = seen.poll(30, TimeUnit.SECONDS);
                assertNotNull(message, "nothing more arrived within 30 s");
                if (message.body().toString().contains(submissionId)) {
                    return message;
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            connection.close();
        }
    }

    @Test
    void shouldPublishOneProgressMessagePerTestInOrderBeforeTheGradedEvent() throws Exception {
        String taskId = publishedTask();
        UUID studentId = enrolledStudent();
        try (Listener listener = new Listener(tenantId, studentId)) {
            String submissionId = submit(studentId, taskId);
            List<String> verdicts = new ArrayList<>();
            for (int ordinal = 1; ordinal <= 3; ordinal++) {
                Seen progress = listener.next(submissionId);
                assertEquals(Subjects.live(tenantId, studentId), progress.subject(), "progress before the graded event");
                assertEquals(LiveProgress.TYPE, progress.body().path("type").asText());
                assertEquals(studentId.toString(), progress.body().path("userId").asText());
                JsonNode data = progress.body().path("data");
                assertEquals(submissionId, data.path("submissionId").asText());
                assertEquals(ordinal, data.path("ordinal").asInt());
                assertEquals(3, data.path("total").asInt());
                assertNotNull(Instant.parse(data.path("finishedAt").asText()));
                verdicts.add(data.path("verdict").asText());
            }
            assertEquals(List.of("ACCEPTED", "ACCEPTED", "WRONG_ANSWER"), verdicts);
            Seen graded = listener.next(submissionId);
            assertEquals(Subjects.LAB_SUBMISSION_GRADED, graded.subject());
        }
    }

    @Test
    void shouldSendOnlyTheVerdictOfAHiddenTest() throws Exception {
        String taskId = publishedTask();
        UUID studentId = enrolledStudent();
        try (Listener listener = new Listener(tenantId, studentId)) {
            String submissionId = submit(studentId, taskId);
            JsonNode visible = listener.next(submissionId).body().path("data");
            JsonNode hidden = listener.next(submissionId).body().path("data");
            assertFalse(visible.path("hidden").asBoolean());
            assertTrue(visible.path("wallMillis").asInt() >= 900, "the visible test slept about 1 s: " + visible);
            assertTrue(hidden.path("hidden").asBoolean());
            assertEquals("ACCEPTED", hidden.path("verdict").asText());
            assertFalse(hidden.has("wallMillis"), "a hidden test's progress carries its verdict only: " + hidden);
            assertFalse(hidden.has("stdout") || hidden.has("stdin") || hidden.has("expectedStdout") || hidden.has("points"),
                    "a hidden test's progress carries its verdict only: " + hidden);
        }
    }

    @Test
    void shouldShowTheTestsFinishedSoFarWhileGrading() throws Exception {
        String taskId = publishedTask();
        UUID studentId = enrolledStudent();
        try (Listener listener = new Listener(tenantId, studentId)) {
            String submissionId = submit(studentId, taskId);
            listener.next(submissionId); // test 1 finished; test 2 sleeps for about a second
            JsonPath midway = as(studentId, "STUDENT").pathParam("id", submissionId).get("/api/v1/lab/submissions/{id}")
                    .then().statusCode(200).extract().jsonPath();
            assertEquals("RUNNING", midway.getString("status"));
            assertEquals("ACCEPTED", midway.getString("tests[0].verdict"));
            assertEquals("3\n", midway.getString("tests[0].stdout"));
            assertEquals(null, midway.getString("tests[1].verdict"));
            assertEquals(null, midway.getString("tests[2].verdict"));
            assertEquals(null, midway.getString("verdict"));

            listener.next(submissionId);
            listener.next(submissionId);
            listener.next(submissionId); // the graded event: its transaction has committed
            JsonPath graded = as(studentId, "STUDENT").pathParam("id", submissionId).get("/api/v1/lab/submissions/{id}")
                    .then().statusCode(200).extract().jsonPath();
            assertEquals("GRADED", graded.getString("status"));
            assertEquals(List.of("ACCEPTED", "ACCEPTED", "WRONG_ANSWER"), graded.getList("tests.verdict"));
        }
    }

    @Test
    void shouldStartTheRecordedResultsAfreshWhenRegradedAndReplaceThemAtTheEnd() throws Exception {
        String taskId = publishedTask();
        UUID studentId = enrolledStudent();
        try (Listener listener = new Listener(tenantId, studentId)) {
            String submissionId = submit(studentId, taskId);
            for (int message = 0; message < 4; message++) {
                listener.next(submissionId); // three tests, then the graded event
            }
            as(teacherId, "TEACHER").pathParam("id", taskId).post("/api/v1/lab/tasks/{id}/regrade").then().statusCode(202);

            assertEquals(1, listener.next(submissionId).body().path("data").path("ordinal").asInt());
            JsonPath midway = as(studentId, "STUDENT").pathParam("id", submissionId).get("/api/v1/lab/submissions/{id}")
                    .then().statusCode(200).extract().jsonPath();
            assertEquals("RUNNING", midway.getString("status"));
            assertEquals("ACCEPTED", midway.getString("tests[0].verdict"));
            assertEquals(null, midway.getString("tests[1].verdict"), "the first grading's results are gone");
            assertEquals(null, midway.getString("tests[2].verdict"), "the first grading's results are gone");

            for (int message = 0; message < 3; message++) {
                listener.next(submissionId);
            }
            JsonPath regraded = as(studentId, "STUDENT").pathParam("id", submissionId).get("/api/v1/lab/submissions/{id}")
                    .then().statusCode(200).extract().jsonPath();
            assertEquals("GRADED", regraded.getString("status"));
            assertEquals(List.of(1, 2, 3), regraded.getList("tests.ordinal"));
            assertEquals(List.of("ACCEPTED", "ACCEPTED", "WRONG_ANSWER"), regraded.getList("tests.verdict"));
            assertEquals(6.0f, regraded.getFloat("score"));
        }
    }
}
