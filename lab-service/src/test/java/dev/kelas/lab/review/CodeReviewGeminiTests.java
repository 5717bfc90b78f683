package dev.kelas.lab.review;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.AssignmentPublished;
import dev.kelas.lab.testing.LabTestEnvironment;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Google Gemini in the chain, against {@link AiStandIn} (the one allowed stand-in: a local server speaking Gemini's
 * documented {@code streamGenerateContent?alt=sse} wire format, which checks the {@code x-goog-api-key} header, the
 * body's shape and that no hidden test data is in it) and the real PostgreSQL, nats-server and sandbox. The chain is
 * [gemini-down (503 UNAVAILABLE), gemini (streams)]. And the school's switch: with AI feedback off for the school,
 * an AI task gets the offline review and no provider is asked.
 */
@QuarkusTest
@QuarkusTestResource(value = LabTestEnvironment.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = AiStandIn.class, restrictToAnnotatedClass = true, initArgs = @ResourceArg(name = "chain", value = "gemini-down,gemini"))
class CodeReviewGeminiTests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SOURCE = "a, b = map(int, input().split())\nprint(abs(a) + abs(b))\n";

    private final UUID tenantId = UUID.randomUUID();
    private final UUID teacherId = UUID.randomUUID();
    private final UUID classId = UUID.randomUUID();

    private RequestSpecification as(UUID userId, String role) {
        return given().contentType(ContentType.JSON).auth().oauth2(LabTestEnvironment.tokens().token(userId, tenantId, role));
    }

    private String aiTask() {
        UUID assignmentId = UUID.randomUUID();
        LabTestEnvironment.events().publish(Subjects.LEARNING_ASSIGNMENT_PUBLISHED, tenantId, assignmentId.toString(),
                new AssignmentPublished(assignmentId, classId, teacherId, "Sum", "CODING", BigDecimal.TEN,
                        Instant.now().plus(Duration.ofDays(7)), Instant.now(), null));
        String taskId = LabTestEnvironment.createTask(() -> as(teacherId, "TEACHER"), Map.of("title", "Sum", "language", "python",
                "statement", "Print a + b.", "assignmentId", assignmentId, "classId", classId,
                "limits", Map.of("cpuSeconds", 1, "wallSeconds", 2, "memoryMib", 256),
                "tests", List.of(Map.of("stdin", "2 -1\n", "expectedStdout", "1\n", "hidden", false, "points", 5),
                        Map.of("stdin", "4000 -7777\n", "expectedStdout", "-3777\n", "hidden", true, "points", 5))));
        as(teacherId, "TEACHER").pathParam("id", taskId).body(Map.of("mode", "AI")).put("/api/v1/lab/tasks/{id}/feedback-settings")
                .then().statusCode(200).body("mode", equalTo("AI"));
        return taskId;
    }

    private UUID enrolledStudent() {
        UUID studentId = UUID.randomUUID();
        LabTestEnvironment.enroll(tenantId, classId, studentId, teacherId);
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() ->
                as(studentId, "STUDENT").pathParam("id", classId).get("/api/v1/lab/classes/{id}/tasks").statusCode() == 200);
        return studentId;
    }

    private JsonPath reviewed(UUID studentId, String taskId) {
        String submissionId = as(studentId, "STUDENT").pathParam("id", taskId).body(Map.of("language", "python", "sourceCode", SOURCE))
                .post("/api/v1/lab/tasks/{id}/submissions").then().statusCode(202).extract().path("id");
        Response[] last = new Response[1];
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = as(studentId, "STUDENT").get("/api/v1/lab/submissions/" + submissionId + "/review");
            return last[0].statusCode() == 200;
        });
        assertFalse(last[0].asString().contains(AiStandIn.KEY), "the API key must never be returned");
        return last[0].jsonPath();
    }

    private static List<String> outcomes(JsonPath review) {
        List<Map<String, String>> attempts = review.getList("attempts");
        return attempts.stream().map(a -> a.get("provider") + ": " + a.get("outcome")).toList();
    }

    @Test
    void geminiStreamsTheReviewAfterAnotherGeminiAnswers503() throws Exception {
        String taskId = aiTask();
        UUID student = enrolledStudent();
        List<JsonNode> live = new CopyOnWriteArrayList<>();
        try (Connection nats = Nats.connect(LabTestEnvironment.natsUrl())) {
            nats.createDispatcher(message -> {
                try {
                    live.add(JSON.readTree(new String(message.getData(), StandardCharsets.UTF_8)));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).subscribe(Subjects.live(tenantId, student));
            nats.flush(Duration.ofSeconds(5));

            JsonPath review = reviewed(student, taskId);
            assertEquals("gemini", review.getString("provider"), review.prettify());
            assertEquals("gemini-good-001", review.getString("model"));
            assertEquals(AiStandIn.ANSWER, review.getString("feedback"));
            assertEquals(380, review.getInt("inputTokens"));
            assertEquals(19, review.getInt("outputTokens"));
            List<String> outcomes = outcomes(review);
            assertEquals(2, outcomes.size(), outcomes.toString());
            assertTrue(outcomes.get(0).startsWith("gemini-down: HTTP 503: UNAVAILABLE: The model is overloaded"), outcomes.toString());
            assertEquals("gemini: ok", outcomes.get(1));

            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> live.stream()
                    .anyMatch(u -> ReviewEventListener.TYPE.equals(u.path("type").asText())));
            StringBuilder streamed = new StringBuilder();
            int seq = 0;
            for (JsonNode u : live) {
                if (ReviewEventListener.DELTA_TYPE.equals(u.path("type").asText()) && "gemini".equals(u.path("data").path("provider").asText())) {
                    assertEquals(++seq, u.path("data").path("seq").asInt(), "pieces in order");
                    streamed.append(u.path("data").path("text").asText());
                }
            }
            assertEquals(AiStandIn.ANSWER, streamed.toString());
        }
        assertEquals(List.of(), AiStandIn.violations, "requests the stand-in refused");
    }

    @Test
    void aSchoolThatTurnedAiOffGetsTheOfflineReviewAndNoProviderIsAsked() {
        UUID adminId = UUID.randomUUID();
        String path = "/api/v1/lab/schools/{id}/review-settings";
        as(adminId, "ADMIN").pathParam("id", tenantId).get(path).then().statusCode(200)
                .body("aiEnabled", equalTo(true)).body("updatedBy", equalTo(null));
        // only the school's administrator switches it, only for their own school
        as(teacherId, "TEACHER").pathParam("id", tenantId).body(Map.of("aiEnabled", false)).put(path).then().statusCode(403);
        as(adminId, "ADMIN").pathParam("id", UUID.randomUUID()).body(Map.of("aiEnabled", false)).put(path).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
        as(adminId, "ADMIN").pathParam("id", tenantId).body(Map.of()).put(path).then().statusCode(400)
                .contentType("application/problem+json");
        as(adminId, "ADMIN").pathParam("id", tenantId).body(Map.of("aiEnabled", false)).put(path).then().statusCode(200)
                .body("aiEnabled", equalTo(false)).body("updatedBy", equalTo(adminId.toString()));
        as(teacherId, "TEACHER").pathParam("id", tenantId).get(path).then().statusCode(200).body("aiEnabled", equalTo(false));

        String taskId = aiTask();
        int geminiCalls = AiStandIn.requests.getOrDefault("gemini", new java.util.concurrent.atomic.AtomicInteger()).get();
        JsonPath review = reviewed(enrolledStudent(), taskId);
        assertEquals("offline", review.getString("provider"), review.prettify());
        assertNull(review.get("feedback"));
        assertEquals(List.of("chain: " + ReviewEventListener.SCHOOL_AI_OFF), outcomes(review));
        assertTrue(review.getList("findings.rule").contains("WRONG_ANSWER"), review.prettify());
        assertEquals(geminiCalls, AiStandIn.requests.getOrDefault("gemini", new java.util.concurrent.atomic.AtomicInteger()).get(),
                "no provider is asked while the school has AI off");
    }
}
