package dev.kelas.lab.task;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
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
 * lab-service on its own: task validation and the enrollment rule for submissions. Its projection of
 * assignments is fed by publishing learning's events to the private NATS.
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
                        Instant.now().plus(Duration.ofDays(7)), Instant.now()));
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
