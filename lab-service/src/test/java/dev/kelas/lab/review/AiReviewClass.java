package dev.kelas.lab.review;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.AssignmentPublished;
import dev.kelas.lab.testing.LabTestEnvironment;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;

/**
 * A class of a fresh school for the AI review tests: its CODING assignment's Python task "print a + b" in AI feedback
 * mode (one visible and one hidden test), students enrolled through lab-service's projection, and a submission that
 * answers the visible test wrong ({@link #SOURCE}) reviewed end to end.
 */
final class AiReviewClass {
    /** Wrong on the visible test (2 -1 gives 3, not 1). */
    static final String SOURCE = "a, b = map(int, input().split())\nprint(abs(a) + abs(b))\n";

    final UUID tenantId = UUID.randomUUID();
    final UUID teacherId = UUID.randomUUID();
    final UUID classId = UUID.randomUUID();

    /** A JSON request as this user of the school with that role. */
    RequestSpecification as(UUID userId, String role) {
        return given().contentType(ContentType.JSON).auth().oauth2(LabTestEnvironment.tokens().token(userId, tenantId, role));
    }

    /** Publishes the assignment, creates its task and sets its feedback mode to AI; returns the task id. */
    String aiTask() {
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

    /** A new student enrolled in the class, once lab-service knows it (its tasks list answers 200). */
    UUID enrolledStudent() {
        UUID studentId = UUID.randomUUID();
        LabTestEnvironment.enroll(tenantId, classId, studentId, teacherId);
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() ->
                as(studentId, "STUDENT").pathParam("id", classId).get("/api/v1/lab/classes/{id}/tasks").statusCode() == 200);
        return studentId;
    }

    /** Submits {@link #SOURCE} and answers the review once written (never holding the stand-in's API key). */
    JsonPath reviewed(UUID studentId, String taskId) {
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

    /** The chain's tries of a review as {@code provider: outcome}. */
    static List<String> outcomes(JsonPath review) {
        List<Map<String, String>> attempts = review.getList("attempts");
        return attempts.stream().map(a -> a.get("provider") + ": " + a.get("outcome")).toList();
    }
}
