package dev.kelas.lab.task;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.AssignmentPublished;
import dev.kelas.lab.testing.LabTestEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 in lab-service: a task's creation and deletion are announced through the outbox
 * ({@code kelas.lab.task.created}, {@code kelas.lab.task.archived}), and a regrade keeps a trail: each
 * submission's score and verdict before and after, summed up for the task's teacher. Submissions are graded by
 * the real grader in the real bubblewrap sandbox; the outbox rows are read from the test database.
 */
@QuarkusTest
@QuarkusTestResource(value = LabTestEnvironment.class, restrictToAnnotatedClass = true)
class RegradeTests {
    private final UUID tenantId = UUID.randomUUID();
    private final UUID teacherId = UUID.randomUUID();
    private final UUID classId = UUID.randomUUID();

    @Test
    void shouldWriteTaskCreatedToTheOutboxWithTheTaskCreation() {
        UUID assignmentId = UUID.randomUUID();
        String taskId = publishedTask(assignmentId);
        assertEquals(1, count("select count(*) from outbox_event where type = ? and aggregate_id = ?"
                + " and payload->>'assignmentId' = ? and payload->>'classId' = ?",
                Subjects.LAB_TASK_CREATED, taskId, assignmentId.toString(), classId.toString()));
        as(teacherId, "TEACHER").pathParam("id", taskId).get("/api/v1/lab/tasks/{id}").then().statusCode(200)
                .body("assignmentId", equalTo(assignmentId.toString()));
    }

    @Test
    void shouldWriteTaskArchivedWhenATaskIsDeleted() {
        String taskId = publishedTask(UUID.randomUUID());
        as(teacherId, "TEACHER").pathParam("id", taskId).delete("/api/v1/lab/tasks/{id}").then().statusCode(204)
                .header("Kelas-Task-Archived", "false");
        assertEquals(1, count("select count(*) from outbox_event where type = ? and aggregate_id = ?"
                + " and payload->>'deleted' = 'true'", Subjects.LAB_TASK_ARCHIVED, taskId));
    }

    @Test
    void shouldSumUpARegradeAfterTheTestsChangeAsUpDownAndUnchanged() {
        String taskId = publishedTask(UUID.randomUUID());
        // Under the first tests (1 2 -> 3, 40 2 -> 42, 5 points each): 10, 5 and 5 points.
        String right = graded(enrolledStudent(), taskId, "a, b = map(int, input().split())\nprint(a + b)\n", 10);
        String three = graded(enrolledStudent(), taskId, "input()\nprint(3)\n", 5);
        String fortyTwo = graded(enrolledStudent(), taskId, "input()\nprint(42)\n", 5);
        // New tests (1 2 -> 3, 2 1 -> 3): the right program stays at 10, "3" goes up to 10, "42" down to 0.
        as(teacherId, "TEACHER").pathParam("id", taskId)
                .body(Map.of("tests", List.of(Map.of("stdin", "1 2\n", "expectedStdout", "3\n", "hidden", false, "points", 5),
                        Map.of("stdin", "2 1\n", "expectedStdout", "3\n", "hidden", true, "points", 5))))
                .put("/api/v1/lab/tasks/{id}/tests").then().statusCode(200);
        Response queued = as(teacherId, "TEACHER").pathParam("id", taskId).post("/api/v1/lab/tasks/{id}/regrade");
        queued.then().statusCode(202).body("queued", equalTo(3))
                .header("Location", containsString("/api/v1/lab/tasks/" + taskId + "/regrades/"));
        String regradeId = queued.path("regradeId");

        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                summary(taskId, regradeId).then().statusCode(200).body("pending", equalTo(0)));
        summary(taskId, regradeId).then()
                .body("queued", equalTo(3)).body("up", equalTo(1)).body("down", equalTo(1))
                .body("unchanged", equalTo(1)).body("failed", equalTo(0)).body("superseded", equalTo(0))
                .body("requestedBy", equalTo(teacherId.toString()))
                .body("submissions", hasSize(3))
                .body(entry(right) + ".outcome", equalTo("UNCHANGED"))
                .body(entry(three) + ".previousScore", equalTo(5.0f)).body(entry(three) + ".newScore", equalTo(10.0f))
                .body(entry(three) + ".previousVerdict", equalTo("WRONG_ANSWER"))
                .body(entry(three) + ".newVerdict", equalTo("ACCEPTED")).body(entry(three) + ".outcome", equalTo("UP"))
                .body(entry(fortyTwo) + ".newScore", equalTo(0.0f)).body(entry(fortyTwo) + ".outcome", equalTo("DOWN"));
        // Each new verdict went to the gradebook marked as this regrade's, with the score before it.
        assertEquals(3, count("select count(*) from outbox_event where type = ? and payload->>'regradeId' = ?",
                Subjects.LAB_SUBMISSION_GRADED, regradeId));
        assertEquals(1, count("select count(*) from outbox_event where type = ? and payload->>'regradeId' = ?"
                + " and aggregate_id = ? and (payload->>'previousScore')::numeric = 5 and payload->>'previousVerdict' = 'WRONG_ANSWER'",
                Subjects.LAB_SUBMISSION_GRADED, regradeId, three));
    }

    @Test
    void shouldShowARegradeOnlyToTheTasksTeacher() {
        String taskId = publishedTask(UUID.randomUUID());
        String regradeId = as(teacherId, "TEACHER").pathParam("id", taskId).post("/api/v1/lab/tasks/{id}/regrade")
                .then().statusCode(202).body("queued", equalTo(0)).extract().path("regradeId");
        summary(taskId, regradeId).then().statusCode(200).body("queued", equalTo(0)).body("pending", equalTo(0));
        as(UUID.randomUUID(), "STUDENT").pathParams("id", taskId, "regrade", regradeId)
                .get("/api/v1/lab/tasks/{id}/regrades/{regrade}").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
        as(UUID.randomUUID(), "TEACHER").pathParams("id", taskId, "regrade", regradeId)
                .get("/api/v1/lab/tasks/{id}/regrades/{regrade}").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
        // Another task's regrade, or one of another school, is not found.
        String otherTask = publishedTask(UUID.randomUUID());
        as(teacherId, "TEACHER").pathParams("id", otherTask, "regrade", regradeId)
                .get("/api/v1/lab/tasks/{id}/regrades/{regrade}").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
        given().contentType(ContentType.JSON)
                .auth().oauth2(LabTestEnvironment.tokens().token(teacherId, UUID.randomUUID(), "TEACHER"))
                .pathParams("id", taskId, "regrade", regradeId)
                .get("/api/v1/lab/tasks/{id}/regrades/{regrade}").then().statusCode(404)
                .contentType("application/problem+json");
    }

    private RequestSpecification as(UUID userId, String role) {
        return given().contentType(ContentType.JSON).auth().oauth2(LabTestEnvironment.tokens().token(userId, tenantId, role));
    }

    private Response summary(String taskId, String regradeId) {
        return as(teacherId, "TEACHER").pathParams("id", taskId, "regrade", regradeId)
                .get("/api/v1/lab/tasks/{id}/regrades/{regrade}");
    }

    private static String entry(String submissionId) {
        return "submissions.find { it.submissionId == '%s' }".formatted(submissionId);
    }

    /** Publishes a CODING assignment as learning-service would and creates its task once lab-service knows it. */
    private String publishedTask(UUID assignmentId) {
        LabTestEnvironment.events().publish(Subjects.LEARNING_ASSIGNMENT_PUBLISHED, tenantId, assignmentId.toString(),
                new AssignmentPublished(assignmentId, classId, teacherId, "Sum", "CODING", BigDecimal.TEN,
                        Instant.now().plus(Duration.ofDays(7)), Instant.now(), null));
        Map<String, Object> task = Map.of("title", "Sum", "language", "python", "statement", "Print a + b.",
                "assignmentId", assignmentId, "classId", classId,
                "limits", Map.of("cpuSeconds", 1, "wallSeconds", 2, "memoryMib", 256),
                "tests", List.of(Map.of("stdin", "1 2\n", "expectedStdout", "3\n", "hidden", false, "points", 5),
                        Map.of("stdin", "40 2\n", "expectedStdout", "42\n", "hidden", true, "points", 5)));
        return LabTestEnvironment.createTask(() -> as(teacherId, "TEACHER"), task);
    }

    private UUID enrolledStudent() {
        UUID studentId = UUID.randomUUID();
        LabTestEnvironment.enroll(tenantId, classId, studentId, teacherId);
        return studentId;
    }

    /** Submits once lab-service knows the enrollment, waits for the grader and checks the score; answers the id. */
    private String graded(UUID studentId, String taskId, String source, float score) {
        String[] id = new String[1];
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Response response = as(studentId, "STUDENT").pathParam("id", taskId)
                    .body(Map.of("language", "python", "sourceCode", source)).post("/api/v1/lab/tasks/{id}/submissions");
            id[0] = response.statusCode() == 202 ? response.path("id") : null;
            return id[0] != null;
        });
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                as(studentId, "STUDENT").pathParam("id", id[0]).get("/api/v1/lab/submissions/{id}").then()
                        .body("status", equalTo("GRADED")).body("score", equalTo(score)));
        return id[0];
    }

    private static long count(String sql, Object... params) {
        try (Connection connection = DriverManager.getConnection(LabTestEnvironment.jdbcUrl());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }
}
