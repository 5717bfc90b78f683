package dev.kelas.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * AI feedback on code end to end: a teacher sets a task's feedback mode to AI; a student submits a wrong program;
 * after the verdict the lab's reviewer asks its provider chain, whose one provider here is
 * {@link AiProviderStandIn} (THE ONE STAND-IN ALLOWED: a local server speaking OpenAI's Chat Completions wire
 * format in place of a paid provider, which no machine here can reach). Over the student's real SSE stream from
 * notification-service the text arrives as {@code kelas.lab.submission.review-delta} events, in order, before
 * {@code kelas.lab.submission.reviewed}; the stored review holds the same text; the request that left Kelas holds
 * the visible test but never the hidden one's input or expected output.
 */
class CodeReviewFlowTests {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** abs() drops the sign: the visible test "2 -1" fails. */
    private static final String WRONG = "a, b = map(int, input().split())\nprint(abs(a) + abs(b))\n";
    private static final String HIDDEN_STDIN = "9131 -2718\n";
    private static final String HIDDEN_EXPECTED = "6413\n";

    @Test
    void shouldStreamTheAiReviewToTheStudentOverSseBeforeItIsStored() throws Exception {
        KelasSystem system = KelasSystem.get();
        School school = School.register(system, "Review School");
        School.Person teacher = school.createUser("TEACHER", "Rhea Reviewer");
        School.Person student = school.createUser("STUDENT", "Abe Abs");
        String classId = school.createClass(teacher, "Programming 1");
        school.enroll(teacher, classId, student);
        String assignmentId = school.publishCodingAssignment(teacher, classId, "Sum with signs", 10);
        String taskId = school.createPythonTask(teacher, classId, assignmentId, List.of(
                        Map.of("stdin", "2 -1\n", "expectedStdout", "1\n", "hidden", false, "points", 5),
                        Map.of("stdin", HIDDEN_STDIN, "expectedStdout", HIDDEN_EXPECTED, "hidden", true, "points", 5)),
                Map.of("cpuSeconds", 1, "wallSeconds", 2, "memoryMib", 256));
        school.as(teacher, "lab-service").body(Map.of("mode", "AI")).put("/api/v1/lab/tasks/" + taskId + "/feedback-settings")
                .then().statusCode(200).body("mode", equalTo("AI"));
        int requestsBefore = system.aiStandIn().bodies().size();

        List<SseClient.Event> seen = new ArrayList<>();
        String submissionId;
        try (SseClient stream = SseClient.connect(system.url("notification-service")
                + "/api/v1/notifications/stream?access_token=" + student.accessToken(), Map.of())) {
            assertEquals(200, stream.status());
            submissionId = school.submit(student, taskId, WRONG);
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            SseClient.Event reviewed = null;
            while (reviewed == null && System.nanoTime() < deadline) {
                SseClient.Event event = stream.awaitEventContaining(submissionId, Duration.ofNanos(deadline - System.nanoTime()));
                if (event == null) {
                    break;
                }
                seen.add(event);
                if ("kelas.lab.submission.reviewed".equals(event.name())) {
                    reviewed = event;
                }
            }
            assertNotNull(reviewed, "no kelas.lab.submission.reviewed on the student's stream; saw " + names(seen));
            assertEquals("stand-in", JSON.readTree(reviewed.data()).path("provider").asText(), reviewed.data());
        }

        // review-started, then every piece in order, all before reviewed
        List<String> names = names(seen);
        int started = names.indexOf("kelas.lab.submission.review-started");
        int done = names.indexOf("kelas.lab.submission.reviewed");
        assertTrue(started >= 0 && started < done, names.toString());
        StringBuilder streamed = new StringBuilder();
        int seq = 0;
        for (SseClient.Event event : seen.subList(started + 1, done)) {
            if ("kelas.lab.submission.review-delta".equals(event.name())) {
                JsonNode data = JSON.readTree(event.data()); // the live update's data, as notification-service forwards it
                assertEquals(++seq, data.path("seq").asInt(), "pieces in order: " + names);
                streamed.append(data.path("text").asText());
            }
        }
        String answer = String.join("", AiProviderStandIn.PIECES);
        assertEquals(AiProviderStandIn.PIECES.size(), seq, names.toString());
        assertEquals(answer, streamed.toString());
        assertFalse(seen.subList(done + 1, seen.size()).stream().anyMatch(e -> e.name().endsWith("review-delta")),
                "a piece after the review was stored: " + names);

        Response review = school.as(student, "lab-service").get("/api/v1/lab/submissions/" + submissionId + "/review");
        review.then().statusCode(200).body("provider", equalTo("stand-in")).body("model", equalTo(AiProviderStandIn.MODEL))
                .body("feedback", equalTo(answer)).body("outputTokens", equalTo(AiProviderStandIn.PIECES.size()));
        assertFalse(review.asString().contains(AiProviderStandIn.KEY), "the key is never returned");

        // what left Kelas: this submission's prompt, right in shape, with the visible test and without the hidden one
        List<String> bodies = system.aiStandIn().bodies();
        assertEquals(requestsBefore + 1, bodies.size(), "one request to the provider");
        String prompt = bodies.get(bodies.size() - 1);
        assertTrue(prompt.contains("2 -1") && prompt.contains("abs(a) + abs(b)"), prompt);
        assertFalse(prompt.contains(HIDDEN_STDIN.strip()) || prompt.contains(HIDDEN_EXPECTED.strip()), "hidden test data left Kelas: " + prompt);
        assertFalse(prompt.contains(student.email()) || prompt.contains("Abe Abs"), "personal data left Kelas: " + prompt);
        assertEquals(List.of(), system.aiStandIn().violations(), "requests the stand-in refused");
    }

    private static List<String> names(List<SseClient.Event> events) {
        return events.stream().map(SseClient.Event::name).toList();
    }
}
