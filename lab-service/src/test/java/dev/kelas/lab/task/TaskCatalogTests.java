package dev.kelas.lab.task;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.AssignmentPublished;
import dev.kelas.lab.testing.LabTestEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The student's side of the lab's tasks: listing a class's tasks with progress, reading one (safe HTML,
 * visible tests only, starter code), editing and deleting (archiving) them, and the attempt limit of the
 * CODING assignment, which arrives with {@code kelas.learning.assignment.published}.
 */
@QuarkusTest
@QuarkusTestResource(value = LabTestEnvironment.class, restrictToAnnotatedClass = true)
class TaskCatalogTests {
    private static final String STATEMENT = "# Sum\n\nPrint **a + b**.<script>alert(1)</script>\n\n"
            + "[x](javascript:alert(2)) <img src=x onerror=alert(3)>";
    private final UUID tenantId = UUID.randomUUID();
    private final UUID teacherId = UUID.randomUUID();
    private final UUID classId = UUID.randomUUID();

    private RequestSpecification as(UUID userId, String role) {
        return given().contentType(ContentType.JSON).auth().oauth2(LabTestEnvironment.tokens().token(userId, tenantId, role));
    }

    /** Publishes a CODING assignment with this attempt limit and creates its task once lab-service knows it. */
    private String publishedTask(Integer maxAttempts) {
        UUID assignmentId = UUID.randomUUID();
        LabTestEnvironment.events().publish(Subjects.LEARNING_ASSIGNMENT_PUBLISHED, tenantId, assignmentId.toString(),
                new AssignmentPublished(assignmentId, classId, teacherId, "Sum", "CODING", BigDecimal.TEN,
                        Instant.now().plus(Duration.ofDays(7)), Instant.now(), maxAttempts));
        Map<String, Object> task = new HashMap<>(Map.of("title", "Sum", "language", "python", "statement", STATEMENT,
                "assignmentId", assignmentId, "classId", classId,
                "limits", Map.of("cpuSeconds", 1, "wallSeconds", 2, "memoryMib", 256),
                "tests", List.of(Map.of("stdin", "1 2\n", "expectedStdout", "3\n", "hidden", false, "points", 4),
                        Map.of("stdin", "40 2\n", "expectedStdout", "42\n", "hidden", true, "points", 6))));
        task.put("starterCode", "a, b = map(int, input().split())\n");
        return LabTestEnvironment.createTask(() -> as(teacherId, "TEACHER"), task);
    }

    /** A student whose enrollment lab-service knows. */
    private UUID enrolledStudent() {
        UUID studentId = UUID.randomUUID();
        LabTestEnvironment.enroll(tenantId, classId, studentId, teacherId);
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() ->
                as(studentId, "STUDENT").pathParam("id", classId).get("/api/v1/lab/classes/{id}/tasks").statusCode() == 200);
        return studentId;
    }

    private Response submit(UUID studentId, String taskId) {
        return as(studentId, "STUDENT").pathParam("id", taskId)
                .body(Map.of("language", "python", "sourceCode", "a, b = map(int, input().split())\nprint(a + b)\n"))
                .post("/api/v1/lab/tasks/{id}/submissions");
    }

    private int submissionsOf(UUID studentId, String taskId) {
        return as(teacherId, "TEACHER").pathParam("id", taskId).queryParam("studentId", studentId)
                .get("/api/v1/lab/tasks/{id}/submissions").then().statusCode(200).extract().path("total");
    }

    @Test
    void shouldShowAStudentTheStatementAsSafeHtmlWithOnlyTheVisibleTests() {
        String taskId = publishedTask(null);
        UUID student = enrolledStudent();
        as(student, "STUDENT").pathParam("id", taskId).get("/api/v1/lab/tasks/{id}").then().statusCode(200)
                .body("statement", equalTo(STATEMENT))
                .body("statementHtml", containsString("<h1>Sum</h1>"))
                .body("statementHtml", containsString("<strong>a + b</strong>"))
                .body("statementHtml", not(containsString("<script")))
                .body("statementHtml", not(containsString("javascript:")))
                .body("statementHtml", not(containsString("onerror")))
                .body("languages", equalTo(List.of("python")))
                .body("starterCode.python", equalTo("a, b = map(int, input().split())\n"))
                .body("limits.cpuSeconds", equalTo(1)).body("limits.memoryMib", equalTo(256))
                .body("visibleTests", hasSize(1)).body("visibleTests[0].stdin", equalTo("1 2\n"))
                .body("visibleTests[0].expectedStdout", equalTo("3\n")).body("hiddenTestCount", equalTo(1))
                .body("maxScore", equalTo(10.0f)).body("progress.status", equalTo("NOT_STARTED"));
    }

    @Test
    void shouldListAClassTasksWithTheStudentsAttemptsAndBestScore() {
        String taskId = publishedTask(3);
        UUID student = enrolledStudent();
        submit(student, taskId).then().statusCode(202);
        String find = "find { it.id == '" + taskId + "' }";
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> List.of("ACCEPTED", "ATTEMPTED")
                .contains(as(student, "STUDENT").pathParam("id", classId).get("/api/v1/lab/classes/{id}/tasks").<String>path(find + ".progress.status")));
        // The machine is shared: a slow run may end TIME_LIMIT_EXCEEDED, so the best score is compared with the stored one.
        Response history = as(student, "STUDENT").pathParam("id", taskId).get("/api/v1/lab/tasks/{id}/submissions");
        float score = history.path("items[0].score");
        String status = "ACCEPTED".equals(history.path("items[0].verdict")) ? "ACCEPTED" : "ATTEMPTED";
        as(student, "STUDENT").pathParam("id", classId).get("/api/v1/lab/classes/{id}/tasks").then().statusCode(200)
                .body(find + ".progress.bestScore", equalTo(score))
                .body(find + ".progress.status", equalTo(status))
                .body(find + ".progress.attemptsUsed", equalTo(1))
                .body(find + ".progress.attemptsLeft", equalTo(2))
                .body(find + ".maxAttempts", equalTo(3));
    }

    @Test
    void shouldRefuseASubmissionPastMaxAttemptsWithoutWritingARow() {
        String taskId = publishedTask(2);
        UUID student = enrolledStudent();
        submit(student, taskId).then().statusCode(202);
        submit(student, taskId).then().statusCode(202);
        submit(student, taskId).then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("ATTEMPTS_EXHAUSTED"));
        org.junit.jupiter.api.Assertions.assertEquals(2, submissionsOf(student, taskId));
    }

    @Test
    void shouldRefuseTheClassListToAStudentNotEnrolled() {
        as(UUID.randomUUID(), "STUDENT").pathParam("id", classId).get("/api/v1/lab/classes/{id}/tasks").then()
                .statusCode(403).contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void shouldChangeATasksLimitsAndStatementButRefuseABadLimit() {
        String taskId = publishedTask(null);
        as(teacherId, "TEACHER").pathParam("id", taskId).body(Map.of("statement", "New", "memoryMib", 128))
                .patch("/api/v1/lab/tasks/{id}").then().statusCode(200).body("statement", equalTo("New"))
                .body("memoryMib", equalTo(128)).body("cpuSeconds", equalTo(1));
        as(teacherId, "TEACHER").pathParam("id", taskId).body(Map.of("memoryMib", 1, "statement", "Newer"))
                .patch("/api/v1/lab/tasks/{id}").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_ERROR"));
        as(teacherId, "TEACHER").pathParam("id", taskId).get("/api/v1/lab/tasks/{id}").then().statusCode(200)
                .body("statement", equalTo("New")).body("limits.memoryMib", equalTo(128));
    }

    @Test
    void shouldRefuseAChangeByAnotherTeacher() {
        String taskId = publishedTask(null);
        as(UUID.randomUUID(), "TEACHER").pathParam("id", taskId).body(Map.of("title", "Mine"))
                .patch("/api/v1/lab/tasks/{id}").then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void shouldDeleteATaskWithoutSubmissions() {
        String taskId = publishedTask(null);
        as(teacherId, "TEACHER").pathParam("id", taskId).delete("/api/v1/lab/tasks/{id}").then().statusCode(204)
                .header("Kelas-Task-Archived", "false");
        as(teacherId, "TEACHER").pathParam("id", taskId).get("/api/v1/lab/tasks/{id}").then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void shouldArchiveATaskWithSubmissionsAndHideItFromStudents() {
        String taskId = publishedTask(null);
        UUID student = enrolledStudent();
        submit(student, taskId).then().statusCode(202);
        as(teacherId, "TEACHER").pathParam("id", taskId).delete("/api/v1/lab/tasks/{id}").then().statusCode(204)
                .header("Kelas-Task-Archived", "true");
        as(teacherId, "TEACHER").pathParam("id", taskId).get("/api/v1/lab/tasks/{id}").then().statusCode(200)
                .body("archivedAt", not(nullValue()));
        as(student, "STUDENT").pathParam("id", taskId).get("/api/v1/lab/tasks/{id}").then().statusCode(404);
        as(student, "STUDENT").pathParam("id", classId).get("/api/v1/lab/classes/{id}/tasks").then().statusCode(200)
                .body("findAll { it.id == '" + taskId + "' }", hasSize(0));
        submit(student, taskId).then().statusCode(404).contentType("application/problem+json");
        org.junit.jupiter.api.Assertions.assertEquals(1, submissionsOf(student, taskId));
    }

    @Test
    void aRetriedSubmitWithTheSameIdempotencyKeyGetsTheFirstAnswerAndMakesNoSecondSubmission() throws Exception {
        String taskId = publishedTask(1); // one attempt: a replay must not count as a second one
        UUID studentId = enrolledStudent();
        Map<String, String> body = Map.of("language", "python", "sourceCode", "print(sum(map(int, input().split())))\n");
        Response first = as(studentId, "STUDENT").header("Idempotency-Key", "submit-1").pathParam("id", taskId).body(body)
                .post("/api/v1/lab/tasks/{id}/submissions");
        first.then().statusCode(202).header("Idempotent-Replayed", nullValue());
        String id = first.path("id");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<Response>> retries = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                retries.add(pool.submit(() -> as(studentId, "STUDENT").header("Idempotency-Key", "submit-1")
                        .pathParam("id", taskId).body(body).post("/api/v1/lab/tasks/{id}/submissions")));
            }
            for (java.util.concurrent.Future<Response> retry : retries) {
                retry.get().then().statusCode(202).header("Idempotent-Replayed", equalTo("true"))
                        .header("Location", containsString("/api/v1/lab/submissions/" + id)).body("id", equalTo(id));
            }
        } finally {
            pool.shutdownNow();
        }
        as(studentId, "STUDENT").header("Idempotency-Key", "submit-1").pathParam("id", taskId)
                .body(Map.of("language", "python", "sourceCode", "print(0)\n")).post("/api/v1/lab/tasks/{id}/submissions")
                .then().statusCode(422).contentType("application/problem+json").body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        as(studentId, "STUDENT").header("Idempotency-Key", "k".repeat(256)).pathParam("id", taskId).body(body)
                .post("/api/v1/lab/tasks/{id}/submissions").then().statusCode(422).body("code", equalTo("VALIDATION_ERROR"));
        UUID otherStudent = enrolledStudent();
        String other = as(otherStudent, "STUDENT").header("Idempotency-Key", "submit-1").pathParam("id", taskId).body(body)
                .post("/api/v1/lab/tasks/{id}/submissions").then().statusCode(202).header("Idempotent-Replayed", nullValue())
                .extract().path("id");
        org.junit.jupiter.api.Assertions.assertNotEquals(id, other, "keys belong to one user");
        org.junit.jupiter.api.Assertions.assertEquals(1, submissionsOf(studentId, taskId));
        submit(studentId, taskId).then().statusCode(409).body("code", equalTo("ATTEMPTS_EXHAUSTED"));
    }
}
