package dev.kelas.lab.run;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

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
 * A short {@code kelas.lab.run.wait} (1 s): a slower run answers 202 with its Location and is polled to its end.
 * And the {@code run} rate-limit group (kelas-runtime's RateLimitFilter, {@code POST /api/v1/lab/.*\/runs?}) with a
 * quota of two runs per user, against the real PostgreSQL buckets and the real sandbox.
 */
@QuarkusTest
@TestProfile(RunQuotaAndWaitTests.TwoRunsShortWait.class)
@QuarkusTestResource(value = LabTestEnvironment.class, restrictToAnnotatedClass = true)
class RunQuotaAndWaitTests {
    private final UUID tenantId = UUID.randomUUID();
    private final UUID teacherId = UUID.randomUUID();
    private final UUID classId = UUID.randomUUID();

    /** Rate limits on, two runs per user per window, every request synced; runs wait 1 s for their result. */
    public static class TwoRunsShortWait implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "kelas.rate-limit.enabled", "true",
                    "kelas.rate-limit.max-unsynchronized-requests", "0",
                    "kelas.rate-limit.groups.run.per-user", "2",
                    "kelas.rate-limit.groups.writes.per-user", "1000",
                    "kelas.rate-limit.groups.reads.per-user", "1000",
                    "kelas.lab.run.wait", "PT1S");
        }
    }

    private RequestSpecification asTeacher() {
        return given().contentType(ContentType.JSON).auth().oauth2(LabTestEnvironment.tokens().token(teacherId, tenantId, "TEACHER"));
    }

    private String createTask() {
        UUID assignmentId = UUID.randomUUID();
        LabTestEnvironment.events().publish(Subjects.LEARNING_ASSIGNMENT_PUBLISHED, tenantId, assignmentId.toString(),
                new AssignmentPublished(assignmentId, classId, teacherId, "Echo", "CODING", BigDecimal.TEN,
                        Instant.now().plus(Duration.ofDays(7)), Instant.now(), null));
        Map<String, Object> task = Map.of("title", "Echo", "language", "python", "statement", "Echo.", "assignmentId", assignmentId,
                "classId", classId, "limits", Map.of("cpuSeconds", 1, "wallSeconds", 2, "memoryMib", 256),
                "tests", List.of(Map.of("stdin", "a\n", "expectedStdout", "a\n", "hidden", false, "points", 1)));
        String[] taskId = new String[1];
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Response response = asTeacher().body(task).post("/api/v1/lab/tasks");
            taskId[0] = response.statusCode() == 201 ? response.path("id") : null;
            return taskId[0] != null;
        });
        return taskId[0];
    }

    @Test
    void shouldAnswer202WithTheRunsLocationWhenItOutlastsTheWait() {
        String taskId = createTask();
        UUID adminId = UUID.randomUUID();
        java.util.function.Supplier<RequestSpecification> admin = () -> given().contentType(ContentType.JSON)
                .auth().oauth2(LabTestEnvironment.tokens().token(adminId, tenantId, "ADMIN"));
        Response accepted = admin.get().body(Map.of("language", "python", "code", "import time\ntime.sleep(1.5)\nprint('late')\n"))
                .post("/api/v1/lab/tasks/" + taskId + "/runs");
        String runId = accepted.path("id");
        accepted.then().statusCode(202).body("status", org.hamcrest.Matchers.oneOf("QUEUED", "RUNNING"))
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/lab/runs/" + runId));
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> "FINISHED".equals(admin.get().get("/api/v1/lab/runs/" + runId).path("status")));
        admin.get().get("/api/v1/lab/runs/" + runId).then().statusCode(200).body("stdout", equalTo("late\n"))
                .body("exitCode", equalTo(0));
    }

    @Test
    void shouldAnswer429PastTheRunQuota() {
        String[] taskId = {createTask()};
        Map<String, Object> run = Map.of("language", "python", "code", "print(input())\n", "stdin", "ok\n");
        for (int i = 0; i < 2; i++) {
            // 202 too: on a busy machine a run may outlast this profile's 1 s wait; it is counted all the same
            asTeacher().pathParam("id", taskId[0]).body(run).post("/api/v1/lab/tasks/{id}/runs").then()
                    .statusCode(org.hamcrest.Matchers.oneOf(200, 202));
        }
        asTeacher().pathParam("id", taskId[0]).body(run).post("/api/v1/lab/tasks/{id}/runs").then().statusCode(429)
                .contentType("application/problem+json").body("code", equalTo("RATE_LIMITED"))
                .header("Retry-After", matchesPattern("[1-9][0-9]*"));
        // other writes of the same user are counted apart
        asTeacher().pathParam("id", taskId[0]).get("/api/v1/lab/tasks/{id}/runs").then().statusCode(200);
    }
}
