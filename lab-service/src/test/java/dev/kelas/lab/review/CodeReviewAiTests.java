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
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The AI provider chain, against {@link AiStandIn} (the one allowed stand-in: a local server speaking OpenAI's and
 * Anthropic's documented wire formats, which checks every request) and the real PostgreSQL, nats-server and
 * sandbox. The chain [stall (times out mid-stream), broken (500), limited (429), good (streams)] falls through to
 * the good provider, whose text reaches the student's live subject piece by piece in order; circuits open after two
 * failures and are passed over; with the good provider down too the offline review is stored; past the student's
 * daily AI limit the chain is not asked at all, however the reviews are had (fresh reviews of one submission count too). No request holds the hidden test's input or output.
 */
@QuarkusTest
@QuarkusTestResource(value = LabTestEnvironment.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = AiStandIn.class, restrictToAnnotatedClass = true)
class CodeReviewAiTests {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AiReviewClass lab = new AiReviewClass();
    private final UUID tenantId = lab.tenantId;
    private final UUID teacherId = lab.teacherId;

    /** Asks for a fresh review of the submission and answers it once written (after {@code writtenAt}, or the current one's). */
    private JsonPath rereviewed(UUID studentId, String submissionId, String writtenAt) {
        String previous = writtenAt != null ? writtenAt
                : lab.as(studentId, "STUDENT").get("/api/v1/lab/submissions/" + submissionId + "/review").path("createdAt");
        lab.as(studentId, "STUDENT").post("/api/v1/lab/submissions/" + submissionId + "/review").then().statusCode(202);
        Response[] last = new Response[1];
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = lab.as(studentId, "STUDENT").get("/api/v1/lab/submissions/" + submissionId + "/review");
            return last[0].statusCode() == 200 && !previous.equals(last[0].path("createdAt"));
        });
        return last[0].jsonPath();
    }

    @Test
    void theChainFallsThroughFailuresAndOpenCircuitsToAStreamingProviderThenToTheOfflineReviewer() throws Exception {
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

            // 1. stall times out, broken answers 500, limited 429: good answers, streamed
            JsonPath first = lab.reviewed(student, taskId);
            assertEquals("good", first.getString("provider"), first.prettify());
            assertEquals("claude-good", first.getString("model"));
            assertEquals(AiStandIn.ANSWER, first.getString("feedback"));
            assertEquals(412, first.getInt("inputTokens"));
            assertEquals(21, first.getInt("outputTokens"));
            assertEquals(0, new BigDecimal("0.001551").compareTo(new BigDecimal(first.getString("cost"))), first.getString("cost"));
            List<String> outcomes = AiReviewClass.outcomes(first);
            assertEquals(4, outcomes.size(), outcomes.toString());
            assertTrue(outcomes.get(0).startsWith("stall: the stream did not finish within 2 s"), outcomes.toString());
            assertTrue(outcomes.get(1).startsWith("broken: HTTP 500: The server had an error"), outcomes.toString());
            assertTrue(outcomes.get(2).startsWith("limited: HTTP 429: rate_limit_error"), outcomes.toString());
            assertEquals("good: ok", outcomes.get(3));
            assertTrue(first.getList("findings.tool").contains("tests"), "the offline findings stay beside the AI text");

            // the student saw the good provider's text arrive in order, after it started
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> live.stream()
                    .anyMatch(u -> ReviewEventListener.TYPE.equals(u.path("type").asText())));
            List<JsonNode> updates = new ArrayList<>(live);
            int started = -1;
            for (int i = 0; i < updates.size(); i++) {
                JsonNode u = updates.get(i);
                if (ReviewEventListener.STARTED_TYPE.equals(u.path("type").asText()) && "good".equals(u.path("data").path("provider").asText())) {
                    started = i;
                }
            }
            assertTrue(started >= 0, "no review-started of the good provider: " + updates);
            StringBuilder streamed = new StringBuilder();
            int seq = 0;
            for (JsonNode u : updates.subList(started + 1, updates.size())) {
                if (ReviewEventListener.DELTA_TYPE.equals(u.path("type").asText())) {
                    assertEquals(++seq, u.path("data").path("seq").asInt(), "pieces in order");
                    streamed.append(u.path("data").path("text").asText());
                }
            }
            assertEquals(AiStandIn.ANSWER, streamed.toString());
            assertEquals(AiStandIn.PIECES.size(), seq);
        }

        // 2. the second failures open the three circuits; 3. then they are passed over without a call
        assertEquals("good", lab.reviewed(student, taskId).getString("provider"));
        JsonPath third = lab.reviewed(student, taskId);
        assertEquals(List.of("stall: circuit-open", "broken: circuit-open", "limited: circuit-open", "good: ok"), AiReviewClass.outcomes(third));
        assertEquals(2, AiStandIn.requests.get("stall").get());
        assertEquals(2, AiStandIn.requests.get("broken").get());
        assertEquals(2, AiStandIn.requests.get("limited").get());

        // 4. fresh reviews of one submission count as well: the third AI review of the day is the last
        UUID asker = lab.enrolledStudent();
        JsonPath once = lab.reviewed(asker, taskId);
        assertEquals("good", once.getString("provider"), once.prettify());
        String submissionId = once.getString("submissionId");
        assertEquals("good", rereviewed(asker, submissionId, once.getString("createdAt")).getString("provider"));
        JsonPath thirdOfDay = rereviewed(asker, submissionId, null);
        assertEquals("good", thirdOfDay.getString("provider"));
        int before = AiStandIn.requests.get("good").get();
        // a fourth would be the offline review the last one was not: 429 until midnight UTC, and nothing asked
        Response refused = lab.as(asker, "STUDENT").post("/api/v1/lab/submissions/" + submissionId + "/review");
        refused.then().statusCode(429).contentType("application/problem+json").body("code", equalTo("AI_DAILY_LIMIT_REACHED"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 86_400, "Retry-After " + retryAfter);
        assertEquals(thirdOfDay.getString("createdAt"), lab.as(asker, "STUDENT").get("/api/v1/lab/submissions/" + submissionId
                + "/review").path("createdAt"), "the stored review stays");
        assertEquals(before, AiStandIn.requests.get("good").get(), "past the limit the chain is not asked");

        // 5. with the good provider overloaded too (its circuit opens), the offline reviewer writes the review
        AiStandIn.goodDown.set(true);
        try {
            JsonPath offline = lab.reviewed(lab.enrolledStudent(), taskId);
            assertEquals("offline", offline.getString("provider"));
            assertNull(offline.get("feedback"));
            assertTrue(AiReviewClass.outcomes(offline).get(3).startsWith("good: HTTP 529: overloaded_error: Overloaded"), AiReviewClass.outcomes(offline).toString());
            assertTrue(offline.getList("findings.rule").contains("WRONG_ANSWER"), offline.prettify());
        } finally {
            AiStandIn.goodDown.set(false);
        }

        // 6. the first student has had three AI reviews today, the limit: the chain is not asked
        int goodCalls = AiStandIn.requests.get("good").get();
        JsonPath limited = lab.reviewed(student, taskId);
        assertEquals("offline", limited.getString("provider"));
        assertEquals(List.of("chain: student-daily-limit"), AiReviewClass.outcomes(limited));
        assertEquals(goodCalls, AiStandIn.requests.get("good").get());

        assertEquals(List.of(), AiStandIn.violations, "requests the stand-in refused");
        assertTrue(AiStandIn.lastPrompts.stream().allMatch(p -> p.contains("2 -1") && p.contains("Print a + b.")),
                "every prompt holds the statement and the failed visible test");
    }
}
