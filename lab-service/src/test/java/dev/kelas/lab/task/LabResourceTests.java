package dev.kelas.lab.task;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.hasItem;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * lab-service on its own: task validation, the enrollment rule for submissions, and a submission graded by
 * the real grader in the real bubblewrap sandbox (Debian's /usr/bin/python3). Its projection of assignments
 * and enrollments is fed by publishing learning's events to the private NATS.
 */
@QuarkusTest
@QuarkusTestResource(value = LabTestEnvironment.class, restrictToAnnotatedClass = true)
class LabResourceTests {
    private final UUID tenantId = UUID.randomUUID();
    private final UUID teacherId = UUID.randomUUID();
    private final UUID classId = UUID.randomUUID();

    private RequestSpecification as(UUID userId, String role) {
        return given().contentType(ContentType.JSON).auth().oauth2(LabTestEnvironment.tokens().token(userId, tenantId, role));
    }

    private Map<String, Object> task(UUID assignmentId, String language, List<Map<String, Object>> tests) {
        return Map.of("title", "Sum", "language", language, "statement", "Print a + b.", "assignmentId", assignmentId,
                "classId", classId, "limits", Map.of("cpuSeconds", 1, "wallSeconds", 2, "memoryMib", 256), "tests", tests);
    }

    private static List<Map<String, Object>> sumTests() {
        return List.of(Map.of("stdin", "1 2\n", "expectedStdout", "3\n", "hidden", false, "points", 5),
                Map.of("stdin", "40 2\n", "expectedStdout", "42\n", "hidden", true, "points", 5));
    }

    /** Publishes a CODING assignment as learning-service would and creates its task once lab-service knows it. */
    private String publishedTask() {
        UUID assignmentId = UUID.randomUUID();
        LabTestEnvironment.events().publish(Subjects.LEARNING_ASSIGNMENT_PUBLISHED, tenantId, assignmentId.toString(),
                new AssignmentPublished(assignmentId, classId, teacherId, "Sum", "CODING", BigDecimal.TEN,
                        Instant.now().plus(Duration.ofDays(7)), Instant.now(), null));
        String[] id = new String[1];
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Response response = as(teacherId, "TEACHER").body(task(assignmentId, "python", sumTests())).post("/api/v1/lab/tasks");
            id[0] = response.statusCode() == 201 ? response.path("id") : null;
            return id[0] != null;
        });
        return id[0];
    }

    private Response submit(UUID studentId, String taskId, String source) {
        return as(studentId, "STUDENT").pathParam("id", taskId).body(Map.of("language", "python", "sourceCode", source))
                .post("/api/v1/lab/tasks/{id}/submissions");
    }

    /** Enrolls a new student in the class as learning-service would announce it; answers the student's id. */
    private UUID enrolledStudent() {
        UUID studentId = UUID.randomUUID();
        LabTestEnvironment.enroll(tenantId, classId, studentId, teacherId);
        return studentId;
    }

    /** Submits once lab-service knows the enrollment, then waits for a grader's final answer. */
    private Response gradedSubmission(UUID studentId, String taskId, String source) {
        String[] id = new String[1];
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Response response = submit(studentId, taskId, source);
            id[0] = response.statusCode() == 202 || response.statusCode() == 201 ? response.path("id") : null;
            return id[0] != null;
        });
        Response[] graded = new Response[1];
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            graded[0] = as(studentId, "STUDENT").pathParam("id", id[0]).get("/api/v1/lab/submissions/{id}");
            String status = graded[0].statusCode() == 200 ? graded[0].path("status") : null;
            return "GRADED".equals(status) || "FAILED".equals(status);
        });
        return graded[0];
    }

    @Test
    void shouldAcceptACorrectProgramRunInTheSandbox() {
        String taskId = publishedTask();
        gradedSubmission(enrolledStudent(), taskId, "a, b = map(int, input().split())\nprint(a + b)\n").then()
                .statusCode(200).body("status", equalTo("GRADED")).body("verdict", equalTo("ACCEPTED"))
                .body("score", equalTo(10.0f)).body("maxScore", equalTo(10.0f)).body("tests", hasSize(2))
                .body("tests[0].stdout", equalTo("3\n")).body("tests[1].verdict", equalTo("ACCEPTED"));
    }

    @Test
    void shouldScoreOnlyThePassedTestsOfAWrongProgram() {
        String taskId = publishedTask();
        gradedSubmission(enrolledStudent(), taskId, "print(3)\n").then()
                .statusCode(200).body("status", equalTo("GRADED")).body("verdict", equalTo("WRONG_ANSWER"))
                .body("score", equalTo(5.0f)).body("tests[0].verdict", equalTo("ACCEPTED"))
                .body("tests[1].verdict", equalTo("WRONG_ANSWER")).body("tests[1].stdout", equalTo(null));
    }

    @Test
    void shouldRefuseATaskInAnUnknownLanguageAsProblemJson() {
        as(teacherId, "TEACHER").body(task(UUID.randomUUID(), "cobol", sumTests())).post("/api/v1/lab/tasks").then()
                .statusCode(422).contentType("application/problem+json").body("code", equalTo("VALIDATION_ERROR"))
                .body("errors.field", hasItem("language"));
    }

    @Test
    void shouldRefuseATaskWithoutTests() {
        as(teacherId, "TEACHER").body(task(UUID.randomUUID(), "python", List.of())).post("/api/v1/lab/tasks").then()
                .statusCode(400).contentType("application/problem+json").body("code", equalTo("VALIDATION_ERROR"))
                .body("errors.field", hasItem("tests"));
    }

    @Test
    void shouldRefuseSubmissionWhenStudentNotEnrolled() {
        String taskId = publishedTask();
        submit(UUID.randomUUID(), taskId, "print(3)\n").then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("FORBIDDEN"));
    }
}
