package dev.kelas.lab.review;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.AssignmentPublished;
import dev.kelas.lab.testing.LabTestEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * On-demand reviews, {@code POST /api/v1/lab/submissions/{id}/review}, against the real PostgreSQL (the student's
 * Bucket4j bucket and the outbox), nats-server ({@code kelas.lab.review.requested}, consumer
 * {@code lab-review-requests}) and sandbox: a request answers 202 and the review is written afresh; past the
 * student's two requests per hour (whoever asks) it answers 429 {@code REVIEW_RATE_LIMITED} with {@code Retry-After};
 * another student finds no such submission.
 */
@QuarkusTest
@TestProfile(CodeReviewRequestTests.TwoRequestsPerHour.class)
@QuarkusTestResource(value = LabTestEnvironment.class, restrictToAnnotatedClass = true)
class CodeReviewRequestTests {
    private static final String SOURCE = "a, b = map(int, input().split())\nprint(abs(a) + abs(b))\n";

    private final UUID tenantId = UUID.randomUUID();
    private final UUID teacherId = UUID.randomUUID();
    private final UUID classId = UUID.randomUUID();

    /** Two on-demand reviews per student per hour. */
    public static class TwoRequestsPerHour implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kelas.lab.review.requests.per-student", "2", "kelas.lab.review.requests.window", "PT1H");
        }
    }

    private RequestSpecification as(UUID userId, String role) {
        return given().contentType(ContentType.JSON).auth().oauth2(LabTestEnvironment.tokens().token(userId, tenantId, role));
    }

    private String task() {
        UUID assignmentId = UUID.randomUUID();
        LabTestEnvironment.events().publish(Subjects.LEARNING_ASSIGNMENT_PUBLISHED, tenantId, assignmentId.toString(),
                new AssignmentPublished(assignmentId, classId, teacherId, "Sum", "CODING", BigDecimal.TEN,
                        Instant.now().plus(Duration.ofDays(7)), Instant.now(), null));
        return LabTestEnvironment.createTask(() -> as(teacherId, "TEACHER"), Map.of("title", "Sum", "language", "python",
                "statement", "Print a + b.", "assignmentId", assignmentId, "classId", classId,
                "limits", Map.of("cpuSeconds", 1, "wallSeconds", 2, "memoryMib", 256),
                "tests", List.of(Map.of("stdin", "2 -1\n", "expectedStdout", "1\n", "hidden", false, "points", 5))));
    }

    private UUID enrolledStudent() {
        UUID studentId = UUID.randomUUID();
        LabTestEnvironment.enroll(tenantId, classId, studentId, teacherId);
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() ->
                as(studentId, "STUDENT").pathParam("id", classId).get("/api/v1/lab/classes/{id}/tasks").statusCode() == 200);
        return studentId;
    }

    /** A graded and reviewed submission of a new student; returns {studentId, submissionId}. */
    private String[] reviewedSubmission() {
        UUID student = enrolledStudent();
        String submissionId = as(student, "STUDENT").pathParam("id", task()).body(Map.of("language", "python", "sourceCode", SOURCE))
                .post("/api/v1/lab/tasks/{id}/submissions").then().statusCode(202).extract().path("id");
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                review(student, "STUDENT", submissionId).statusCode() == 200);
        return new String[]{student.toString(), submissionId};
    }

    private Response review(UUID userId, String role, String submissionId) {
        return as(userId, role).pathParam("id", submissionId).get("/api/v1/lab/submissions/{id}/review");
    }

    private Response request(UUID userId, String role, String submissionId) {
        return as(userId, role).pathParam("id", submissionId).post("/api/v1/lab/submissions/{id}/review");
    }

    @Test
    void shouldAnswer202AndWriteTheReviewAfresh() {
        String[] reviewed = reviewedSubmission();
        UUID student = UUID.fromString(reviewed[0]);
        String submissionId = reviewed[1];
        String firstWritten = review(student, "STUDENT", submissionId).path("createdAt");

        request(student, "STUDENT", submissionId).then().statusCode(202)
                .header("Location", endsWith("/api/v1/lab/submissions/" + submissionId + "/review"))
                .body("submissionId", equalTo(submissionId)).body("status", equalTo("REQUESTED")).body("remaining", equalTo(1));
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                !firstWritten.equals(review(student, "STUDENT", submissionId).path("createdAt")));
        review(student, "STUDENT", submissionId).then().statusCode(200).body("status", equalTo("READY"))
                .body("provider", equalTo("offline")).body("findings.rule", org.hamcrest.Matchers.hasItem("WRONG_ANSWER"));
    }

    @Test
    void shouldAnswer429WithRetryAfterPastTheStudentsLimitWhoeverAsks() {
        String[] reviewed = reviewedSubmission();
        UUID student = UUID.fromString(reviewed[0]);
        String submissionId = reviewed[1];
        request(student, "STUDENT", submissionId).then().statusCode(202).body("remaining", equalTo(1));
        // the class's teacher asks for the same student: it counts against the student's limit
        request(teacherId, "TEACHER", submissionId).then().statusCode(202).body("remaining", equalTo(0));
        Response refused = request(student, "STUDENT", submissionId);
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("code", equalTo("REVIEW_RATE_LIMITED")).body("status", equalTo(429));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        // two per hour refill one every 30 minutes
        assertTrue(retryAfter > 0 && retryAfter <= 1800, "Retry-After " + retryAfter);
        request(teacherId, "TEACHER", submissionId).then().statusCode(429).body("code", equalTo("REVIEW_RATE_LIMITED"));
    }

    @Test
    void shouldHideTheSubmissionFromAnotherStudentAndAnotherSchool() {
        String submissionId = reviewedSubmission()[1];
        request(UUID.randomUUID(), "STUDENT", submissionId).then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("NOT_FOUND"));
        given().auth().oauth2(LabTestEnvironment.tokens().token(teacherId, UUID.randomUUID(), "TEACHER"))
                .post("/api/v1/lab/submissions/" + submissionId + "/review").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        request(UUID.randomUUID(), "STUDENT", UUID.randomUUID().toString()).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
    }
}
