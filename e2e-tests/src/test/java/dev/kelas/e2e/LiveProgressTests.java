package dev.kelas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Live grading progress end to end: a student's SSE stream, opened through the edge (nginx), gets one
 * {@code kelas.lab.submission.test-finished} event per test while the grader works (lab-service publishes
 * on core NATS, notification-service relays), and only then the stored graded notification.
 */
class LiveProgressTests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SLOW_SUM = "import time\na, b = map(int, input().split())\ntime.sleep(1)\nprint(a + b)\n";

    static KelasSystem system;
    static School school;
    static School.Person teacher;
    static String classId;
    static String taskId;

    @BeforeAll
    static void setUpSchool() {
        system = KelasSystem.get();
        school = School.register(system, "Progress School");
        teacher = school.createUser("TEACHER", "Pia Teacher");
        classId = school.createClass(teacher, "Algorithms 2");
        String assignment = school.publishCodingAssignment(teacher, classId, "Slow sum", 10);
        taskId = school.createPythonTask(teacher, classId, assignment, List.of(
                        Map.of("stdin", "1 2\n", "expectedStdout", "3\n", "hidden", false, "points", 2),
                        Map.of("stdin", "40 2\n", "expectedStdout", "42\n", "hidden", true, "points", 4),
                        Map.of("stdin", "5 5\n", "expectedStdout", "10\n", "hidden", false, "points", 4)),
                Map.of("cpuSeconds", 2, "wallSeconds", 5, "memoryMib", 256));
    }

    @Test
    void shouldStreamEachFinishedTestBeforeTheGradeNotification() throws Exception {
        School.Person student = school.createUser("STUDENT", "Pat Progress");
        school.enroll(teacher, classId, student);
        try (SseClient stream = SseClient.connect(system.edgeUrl() + "/api/v1/notifications/stream?access_token="
                + student.accessToken(), Map.of())) {
            assertEquals(200, stream.status());
            String submissionId = school.submit(student, taskId, SLOW_SUM);

            List<JsonNode> progress = new ArrayList<>();
            SseClient.Event graded = null;
            while (graded == null) {
                SseClient.Event event = stream.awaitEventContaining(submissionId, Duration.ofSeconds(30));
                assertNotNull(event, "no further SSE event for the submission; progress so far: " + progress);
                if ("kelas.lab.submission.test-finished".equals(event.name())) {
                    assertEquals(null, event.id(), "a live update carries no id (it must not move Last-Event-ID)");
                    progress.add(JSON.readTree(event.data()));
                } else {
                    graded = event;
                }
            }
            assertEquals("kelas.lab.submission.graded", graded.name());
            assertEquals(3, progress.size(), "one progress event per test before the grade: " + progress);
            for (int i = 0; i < 3; i++) {
                JsonNode test = progress.get(i);
                assertEquals(i + 1, test.path("ordinal").asInt());
                assertEquals(3, test.path("total").asInt());
                assertEquals("ACCEPTED", test.path("verdict").asText());
                assertNotNull(Instant.parse(test.path("finishedAt").asText()));
            }
            assertTrue(progress.get(0).path("wallMillis").asInt() >= 900, progress.get(0).toString());
            assertTrue(progress.get(1).path("hidden").asBoolean());
            assertFalse(progress.get(1).has("wallMillis"), "a hidden test's progress carries its verdict only");
            assertEquals("ACCEPTED", JSON.readTree(graded.data()).path("data").path("verdict").asText());
        }
    }
}
