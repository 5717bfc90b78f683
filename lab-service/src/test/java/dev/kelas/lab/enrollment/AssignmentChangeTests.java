package dev.kelas.lab.enrollment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.AssignmentDeleted;
import dev.kelas.contracts.events.AssignmentPublished;
import dev.kelas.contracts.events.AssignmentUpdated;
import dev.kelas.lab.testing.LabTestEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
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
 * lab-service's copy of an assignment follows learning's changes: {@code kelas.learning.assignment.updated}
 * moves the attempt limit the lab enforces (an older version is skipped), {@code .deleted} archives the task.
 * The events are published to the private NATS as learning-service would.
 */
@QuarkusTest
@QuarkusTestResource(value = LabTestEnvironment.class, restrictToAnnotatedClass = true)
class AssignmentChangeTests {
    private final UUID tenantId = UUID.randomUUID();
    private final UUID teacherId = UUID.randomUUID();
    private final UUID classId = UUID.randomUUID();
    private final UUID assignmentId = UUID.randomUUID();
    private final Instant due = Instant.now().plus(Duration.ofDays(7));

    private RequestSpecification as(UUID userId, String role) {
        return given().contentType(ContentType.JSON).auth().oauth2(LabTestEnvironment.tokens().token(userId, tenantId, role));
    }

    private String publishedTask(Integer maxAttempts) {
        LabTestEnvironment.events().publish(Subjects.LEARNING_ASSIGNMENT_PUBLISHED, tenantId, assignmentId.toString(),
                new AssignmentPublished(assignmentId, classId, teacherId, "Echo", "CODING", BigDecimal.TEN, due, Instant.now(), maxAttempts));
        return LabTestEnvironment.createTask(() -> as(teacherId, "TEACHER"), Map.of("title", "Echo", "language", "python",
                "statement", "Print 1.", "assignmentId", assignmentId, "classId", classId,
                "limits", Map.of("cpuSeconds", 1, "wallSeconds", 2, "memoryMib", 256),
                "tests", List.of(Map.of("stdin", "", "expectedStdout", "1\n", "hidden", false, "points", 1))));
    }

    private void update(int version, Integer maxAttempts) {
        LabTestEnvironment.events().publish(Subjects.LEARNING_ASSIGNMENT_UPDATED, tenantId, UUID.randomUUID().toString(),
                new AssignmentUpdated(assignmentId, classId, "Echo", "CODING", BigDecimal.TEN, due, due, maxAttempts, version, Instant.now()));
    }

    private Response submit(UUID studentId, String taskId) {
        return as(studentId, "STUDENT").pathParam("id", taskId).body(Map.of("language", "python", "sourceCode", "print(1)\n"))
                .post("/api/v1/lab/tasks/{id}/submissions");
    }

    @Test
    void shouldEnforceTheAttemptLimitAsLearningChangesIt() {
        String taskId = publishedTask(null);
        update(2, 2);
        update(1, null); // older than version 2: skipped
        UUID studentId = UUID.randomUUID();
        LabTestEnvironment.enroll(tenantId, classId, studentId, teacherId);
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> as(studentId, "STUDENT").pathParam("id", taskId).get("/api/v1/lab/tasks/{id}").statusCode() == 200
                        && Integer.valueOf(2).equals(as(studentId, "STUDENT").pathParam("id", taskId).get("/api/v1/lab/tasks/{id}").path("maxAttempts")));
        submit(studentId, taskId).then().statusCode(202);
        submit(studentId, taskId).then().statusCode(202);
        submit(studentId, taskId).then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("ATTEMPTS_EXHAUSTED"));
        update(3, 5);
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> submit(studentId, taskId).statusCode() == 202);
    }

    @Test
    void shouldArchiveTheTaskWhenLearningDeletesTheAssignment() {
        String taskId = publishedTask(null);
        UUID studentId = UUID.randomUUID();
        LabTestEnvironment.enroll(tenantId, classId, studentId, teacherId);
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> as(studentId, "STUDENT").pathParam("id", taskId).get("/api/v1/lab/tasks/{id}").statusCode() == 200);
        LabTestEnvironment.events().publish(Subjects.LEARNING_ASSIGNMENT_DELETED, tenantId, UUID.randomUUID().toString(),
                new AssignmentDeleted(assignmentId, classId, Instant.now()));
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> as(studentId, "STUDENT").pathParam("id", taskId).get("/api/v1/lab/tasks/{id}").statusCode() == 404);
        submit(studentId, taskId).then().statusCode(404).contentType("application/problem+json");
        as(teacherId, "TEACHER").pathParam("id", taskId).get("/api/v1/lab/tasks/{id}").then().statusCode(200)
                .body("archivedAt", org.hamcrest.Matchers.notNullValue());
    }
}
