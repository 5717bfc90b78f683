package dev.kelas.lab.review;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
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
import io.nats.client.Nats;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Feedback on code through the API, against the real PostgreSQL, nats-server, sandbox and tools: a graded Python
 * submission gets the offline reviewer's findings (pyflakes, pycodestyle, the failed visible test's first differing
 * line, a count of failed hidden tests that never shows their input or output) and the student hears of it live;
 * the teacher's settings turn feedback off or hold it until the due time; nobody else reads it.
 */
@QuarkusTest
@QuarkusTestResource(value = LabTestEnvironment.class, restrictToAnnotatedClass = true)
class CodeReviewTests {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The hidden test's input and expected output: neither may appear in any review. */
    private static final String HIDDEN_STDIN = "4000 -7777\n";
    private static final String HIDDEN_EXPECTED = "-3777\n";
    private static final String SOURCE = "import os\na, b = map(int, input().split())\nprint(abs(a) + abs(b))\n";

    private final UUID tenantId = UUID.randomUUID();
    private final UUID teacherId = UUID.randomUUID();
    private final UUID classId = UUID.randomUUID();

    private RequestSpecification as(UUID userId, String role) {
        return given().contentType(ContentType.JSON).auth().oauth2(LabTestEnvironment.tokens().token(userId, tenantId, role));
    }

    /** A "sum" task of an assignment due at {@code dueAt}: two visible tests and one hidden. */
    private String publishedTask(Instant dueAt) {
        UUID assignmentId = UUID.randomUUID();
        LabTestEnvironment.events().publish(Subjects.LEARNING_ASSIGNMENT_PUBLISHED, tenantId, assignmentId.toString(),
                new AssignmentPublished(assignmentId, classId, teacherId, "Sum", "CODING", BigDecimal.TEN, dueAt, Instant.now(), null));
        Map<String, Object> task = Map.of("title", "Sum", "language", "python", "statement", "Print a + b.",
                "assignmentId", assignmentId, "classId", classId,
                "limits", Map.of("cpuSeconds", 1, "wallSeconds", 2, "memoryMib", 256),
                "tests", List.of(Map.of("stdin", "1 2\n", "expectedStdout", "3\n", "hidden", false, "points", 3),
                        Map.of("stdin", "2 -1\n", "expectedStdout", "1\n", "hidden", false, "points", 3),
                        Map.of("stdin", HIDDEN_STDIN, "expectedStdout", HIDDEN_EXPECTED, "hidden", true, "points", 4)));
        return LabTestEnvironment.createTask(() -> as(teacherId, "TEACHER"), task);
    }

    private UUID enrolledStudent() {
        UUID studentId = UUID.randomUUID();
        LabTestEnvironment.enroll(tenantId, classId, studentId, teacherId);
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() ->
                as(studentId, "STUDENT").pathParam("id", classId).get("/api/v1/lab/classes/{id}/tasks").statusCode() == 200);
        return studentId;
    }

    private String submit(UUID studentId, String taskId) {
        return as(studentId, "STUDENT").pathParam("id", taskId).body(Map.of("language", "python", "sourceCode", SOURCE))
                .post("/api/v1/lab/tasks/{id}/submissions").then().statusCode(202).extract().path("id");
    }

    private Response review(UUID userId, String role, String submissionId) {
        return as(userId, role).pathParam("id", submissionId).get("/api/v1/lab/submissions/{id}/review");
    }

    /** The review once written, as {@code userId} reads it (who must be allowed to). */
    private Response awaitReview(UUID userId, String role, String submissionId) {
        Response[] last = new Response[1];
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = review(userId, role, submissionId);
            return last[0].statusCode() != 404 || !"FEEDBACK_PENDING".equals(last[0].path("code"));
        });
        return last[0];
    }

    @Test
    void gradedSubmissionGetsToolAndTestFindingsAndTheStudentHearsLive() throws Exception {
        String taskId = publishedTask(Instant.now().plus(Duration.ofDays(7)));
        UUID student = enrolledStudent();
        try (Connection nats = Nats.connect(LabTestEnvironment.natsUrl())) {
            BlockingQueue<JsonNode> live = new LinkedBlockingQueue<>();
            nats.createDispatcher(message -> {
                try {
                    live.add(JSON.readTree(new String(message.getData(), StandardCharsets.UTF_8)));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).subscribe(Subjects.live(tenantId, student));
            nats.flush(Duration.ofSeconds(5));

            String submissionId = submit(student, taskId);
            Response response = awaitReview(student, "STUDENT", submissionId);
            response.then().statusCode(200)
                    .body("status", equalTo("READY"))
                    .body("provider", equalTo("offline"))
                    .body("toolsRun", equalTo(List.of("pycodestyle", "pyflakes")))
                    .body("findings.find { it.tool == 'pyflakes' }.message", equalTo("'os' imported but unused"))
                    .body("findings.find { it.tool == 'pyflakes' }.line", equalTo(1))
                    .body("findings.find { it.tool == 'pyflakes' }.severity", equalTo("WARNING"))
                    .body("findings.findAll { it.tool == 'tests' }.rule", hasItem("WRONG_ANSWER"));
            List<Map<String, Object>> findings = response.path("findings");
            String wrong = findings.stream().filter(f -> "WRONG_ANSWER".equals(f.get("rule"))).map(f -> (String) f.get("message"))
                    .findFirst().orElseThrow();
            assertEquals("Test 2 gave a wrong answer: line 1 of the output is \"3\" where \"1\" was expected.", wrong);
            assertTrue(findings.stream().anyMatch(f -> "tests".equals(f.get("tool"))
                    && ((String) f.get("message")).startsWith("1 hidden test gave a wrong answer")), findings.toString());
            String body = response.asString();
            assertFalse(body.contains("7777") || body.contains("3777"), "a hidden test's input or output leaked: " + body);
            assertTrue(response.<Integer>path("errors") >= 1 && response.<Integer>path("warnings") >= 2, body);

            JsonNode update = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                JsonNode next = live.poll(1, TimeUnit.SECONDS);
                if (next != null && ReviewEventListener.TYPE.equals(next.path("type").asText())) {
                    update = next;
                    break;
                }
            }
            assertNotNull(update, "no live update " + ReviewEventListener.TYPE);
            assertEquals(submissionId, update.path("data").path("submissionId").asText());
            assertEquals(findings.size(), update.path("data").path("findings").asInt());
        }
        // the class's teacher reads it too; another student, or another school's teacher, finds no such submission
        String submissionId = submit(student, taskId);
        awaitReview(teacherId, "TEACHER", submissionId).then().statusCode(200);
        review(UUID.randomUUID(), "STUDENT", submissionId).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        given().auth().oauth2(LabTestEnvironment.tokens().token(teacherId, UUID.randomUUID(), "TEACHER"))
                .get("/api/v1/lab/submissions/" + submissionId + "/review").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void feedbackAfterTheDueTimeIsHeldFromTheStudentOnly() {
        String taskId = publishedTask(Instant.now().plus(Duration.ofDays(2)));
        as(teacherId, "TEACHER").pathParam("id", taskId).body(Map.of("visibility", "AFTER_DUE"))
                .put("/api/v1/lab/tasks/{id}/feedback-settings").then().statusCode(200)
                .body("mode", equalTo("OFFLINE")).body("visibility", equalTo("AFTER_DUE")).body("updatedBy", equalTo(teacherId.toString()));
        UUID student = enrolledStudent();
        String submissionId = submit(student, taskId);
        awaitReview(teacherId, "TEACHER", submissionId).then().statusCode(200).body("status", equalTo("READY"));
        review(student, "STUDENT", submissionId).then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("FEEDBACK_NOT_YET_VISIBLE"));

        // a student cannot change the settings; a bad mode is refused and changes nothing
        as(student, "STUDENT").pathParam("id", taskId).body(Map.of("visibility", "IMMEDIATELY"))
                .put("/api/v1/lab/tasks/{id}/feedback-settings").then().statusCode(403);
        as(teacherId, "TEACHER").pathParam("id", taskId).body(Map.of("mode", "LOUD"))
                .put("/api/v1/lab/tasks/{id}/feedback-settings").then().statusCode(400).contentType("application/problem+json");
        as(teacherId, "TEACHER").pathParam("id", taskId).get("/api/v1/lab/tasks/{id}/feedback-settings").then().statusCode(200)
                .body("mode", equalTo("OFFLINE")).body("visibility", equalTo("AFTER_DUE"));

        as(teacherId, "TEACHER").pathParam("id", taskId).body(Map.of("visibility", "IMMEDIATELY"))
                .put("/api/v1/lab/tasks/{id}/feedback-settings").then().statusCode(200);
        review(student, "STUDENT", submissionId).then().statusCode(200).body("status", equalTo("READY"));
    }

    @Test
    void feedbackTurnedOffWritesNoReview() {
        String taskId = publishedTask(Instant.now().plus(Duration.ofDays(7)));
        as(teacherId, "TEACHER").pathParam("id", taskId).get("/api/v1/lab/tasks/{id}/feedback-settings").then().statusCode(200)
                .body("mode", equalTo("OFFLINE")).body("visibility", equalTo("IMMEDIATELY"));
        as(teacherId, "TEACHER").pathParam("id", taskId).body(Map.of("mode", "OFF"))
                .put("/api/v1/lab/tasks/{id}/feedback-settings").then().statusCode(200).body("mode", equalTo("OFF"));
        UUID student = enrolledStudent();
        String submissionId = submit(student, taskId);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                "GRADED".equals(as(student, "STUDENT").get("/api/v1/lab/submissions/" + submissionId).path("status")));
        // a review would follow the verdict within a second or two here (the other tests wait for theirs)
        Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() ->
                "FEEDBACK_PENDING".equals(review(teacherId, "TEACHER", submissionId).path("code")));
        review(student, "STUDENT", submissionId).then().statusCode(404).body("code", equalTo("FEEDBACK_OFF"));
    }
}
