package dev.kelas.lab.review;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelas.contracts.Subjects;
import dev.kelas.lab.testing.LabTestEnvironment;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

    private final AiReviewClass lab = new AiReviewClass();
    private final UUID tenantId = lab.tenantId;
    private final UUID teacherId = lab.teacherId;

    @Test
    void geminiStreamsTheReviewAfterAnotherGeminiAnswers503() throws Exception {
        String taskId = lab.aiTask();
        UUID student = lab.enrolledStudent();
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

            JsonPath review = lab.reviewed(student, taskId);
            assertEquals("gemini", review.getString("provider"), review.prettify());
            assertEquals("gemini-good-001", review.getString("model"));
            assertEquals(AiStandIn.ANSWER, review.getString("feedback"));
            assertEquals(380, review.getInt("inputTokens"));
            assertEquals(19, review.getInt("outputTokens"));
            List<String> outcomes = AiReviewClass.outcomes(review);
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
        lab.as(adminId, "ADMIN").pathParam("id", tenantId).get(path).then().statusCode(200)
                .body("aiEnabled", equalTo(true)).body("updatedBy", equalTo(null));
        // only the school's administrator switches it, only for their own school
        lab.as(teacherId, "TEACHER").pathParam("id", tenantId).body(Map.of("aiEnabled", false)).put(path).then().statusCode(403);
        lab.as(adminId, "ADMIN").pathParam("id", UUID.randomUUID()).body(Map.of("aiEnabled", false)).put(path).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
        lab.as(adminId, "ADMIN").pathParam("id", tenantId).body(Map.of()).put(path).then().statusCode(400)
                .contentType("application/problem+json");
        lab.as(adminId, "ADMIN").pathParam("id", tenantId).body(Map.of("aiEnabled", false)).put(path).then().statusCode(200)
                .body("aiEnabled", equalTo(false)).body("updatedBy", equalTo(adminId.toString()));
        lab.as(teacherId, "TEACHER").pathParam("id", tenantId).get(path).then().statusCode(200).body("aiEnabled", equalTo(false));

        String taskId = lab.aiTask();
        int geminiCalls = AiStandIn.requests.getOrDefault("gemini", new java.util.concurrent.atomic.AtomicInteger()).get();
        JsonPath review = lab.reviewed(lab.enrolledStudent(), taskId);
        assertEquals("offline", review.getString("provider"), review.prettify());
        assertNull(review.get("feedback"));
        assertEquals(List.of("chain: " + ReviewEventListener.SCHOOL_AI_OFF), AiReviewClass.outcomes(review));
        assertTrue(review.getList("findings.rule").contains("WRONG_ANSWER"), review.prettify());
        assertEquals(geminiCalls, AiStandIn.requests.getOrDefault("gemini", new java.util.concurrent.atomic.AtomicInteger()).get(),
                "no provider is asked while the school has AI off");
    }
}
