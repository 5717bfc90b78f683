package dev.kelas.lab.run;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * "Run" against the real PostgreSQL, the private nats-server and the real bubblewrap sandbox: output, exit
 * status and stderr, the time limit, bad input, the enrollment rule, the pruned history, and the lanes (a run
 * answers while the graders' slots are taken by a queue of slow submissions).
 */
@QuarkusTest
@QuarkusTestResource(value = LabTestEnvironment.class, restrictToAnnotatedClass = true)
class RunTests {
    private final UUID tenantId = UUID.randomUUID();
    private final UUID teacherId = UUID.randomUUID();
    private final UUID classId = UUID.randomUUID();

    private RequestSpecification as(UUID userId, String role) {
        return given().contentType(ContentType.JSON).auth().oauth2(LabTestEnvironment.tokens().token(userId, tenantId, role));
    }

    /** A python task (CPU 1 s, wall {@code wallSeconds}) with one test, created once lab-service knows its assignment. */
    private String publishedTask(int wallSeconds) {
        UUID assignmentId = UUID.randomUUID();
        LabTestEnvironment.events().publish(Subjects.LEARNING_ASSIGNMENT_PUBLISHED, tenantId, assignmentId.toString(),
                new AssignmentPublished(assignmentId, classId, teacherId, "Echo", "CODING", BigDecimal.TEN,
                        Instant.now().plus(Duration.ofDays(7)), Instant.now(), null));
        Map<String, Object> task = Map.of("title", "Echo", "language", "python", "statement", "Echo the input.",
                "assignmentId", assignmentId, "classId", classId,
                "limits", Map.of("cpuSeconds", 1, "wallSeconds", wallSeconds, "memoryMib", 256),
                "tests", List.of(Map.of("stdin", "hi\n", "expectedStdout", "hi\n", "hidden", false, "points", 10)));
        return LabTestEnvironment.createTask(() -> as(teacherId, "TEACHER"), task);
    }

    /** A new student, enrolled once lab-service has the enrollment (a run answers 403 until then). */
    private UUID enrolledStudent(String taskId) {
        UUID studentId = UUID.randomUUID();
        LabTestEnvironment.enroll(tenantId, classId, studentId, teacherId);
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> run(studentId, taskId, "pass\n", "").statusCode() != 403);
        return studentId;
    }

    private Response run(UUID userId, String taskId, String code, String stdin) {
        return as(userId, "STUDENT").pathParam("id", taskId).body(Map.of("language", "python", "code", code, "stdin", stdin))
                .post("/api/v1/lab/tasks/{id}/runs");
    }

    @Test
    void shouldEchoStdinBackWithExitZero() {
        String taskId = publishedTask(2);
        UUID student = enrolledStudent(taskId);
        run(student, taskId, "import sys\nprint(sys.stdin.read().upper(), end='')\n", "hello, lab\n").then()
                .statusCode(200).body("status", equalTo("FINISHED")).body("stdout", equalTo("HELLO, LAB\n"))
                .body("exitCode", equalTo(0)).body("verdict", nullValue()).body("stderr", equalTo(""))
                .body("timeMillis", notNullValue()).body("memoryKib", greaterThan(1000));
    }

    @Test
    void shouldReportANonZeroExitAndItsStderr() {
        String taskId = publishedTask(2);
        UUID student = enrolledStudent(taskId);
        run(student, taskId, "import sys\nprint('partial')\nprint('bad thing', file=sys.stderr)\nsys.exit(3)\n", "").then()
                .statusCode(200).body("status", equalTo("FINISHED")).body("exitCode", equalTo(3))
                .body("verdict", equalTo("RUNTIME_ERROR")).body("stdout", equalTo("partial\n"))
                .body("stderr", equalTo("bad thing\n"));
    }

    @Test
    void shouldReportTheTimeLimitOfAnEndlessLoop() {
        String taskId = publishedTask(2);
        UUID student = enrolledStudent(taskId);
        run(student, taskId, "while True:\n    pass\n", "").then()
                .statusCode(200).body("status", equalTo("FINISHED")).body("verdict", equalTo("TIME_LIMIT_EXCEEDED"));
    }

    @Test
    void shouldCompileAndRunCAndReportACompilationError() {
        String taskId = publishedTask(5);
        as(teacherId, "TEACHER").pathParam("id", taskId).body(Map.of("language", "c", "stdin", "20 22\n",
                        "code", "#include <stdio.h>\nint main(){int a,b;scanf(\"%d %d\",&a,&b);printf(\"%d\\n\",a+b);return 0;}\n"))
                .post("/api/v1/lab/tasks/{id}/runs").then().statusCode(200).body("stdout", equalTo("42\n"))
                .body("exitCode", equalTo(0)).body("verdict", nullValue());
        as(teacherId, "TEACHER").pathParam("id", taskId).body(Map.of("language", "c", "code", "int main( { return 0 }\n"))
                .post("/api/v1/lab/tasks/{id}/runs").then().statusCode(200).body("verdict", equalTo("COMPILATION_ERROR"))
                .body("stderr", containsString("error")).body("stdout", equalTo(""));
    }

    @Test
    void shouldReportTheMemoryLimit() {
        String taskId = publishedTask(2);
        as(teacherId, "TEACHER").pathParam("id", taskId).body(Map.of("language", "python", "code", "x = bytearray(1024 * 1024 * 1024)\n"))
                .post("/api/v1/lab/tasks/{id}/runs").then().statusCode(200).body("verdict", equalTo("MEMORY_LIMIT_EXCEEDED"))
                .body("stderr", containsString("MemoryError"));
    }

    @Test
    void shouldLetTheClassesTeacherRunButNotAnotherTeacher() {
        String taskId = publishedTask(2);
        as(teacherId, "TEACHER").pathParam("id", taskId).body(Map.of("language", "python", "code", "print(6 * 7)\n"))
                .post("/api/v1/lab/tasks/{id}/runs").then().statusCode(200).body("stdout", equalTo("42\n"));
        as(UUID.randomUUID(), "TEACHER").pathParam("id", taskId).body(Map.of("language", "python", "code", "print(1)\n"))
                .post("/api/v1/lab/tasks/{id}/runs").then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void shouldRefuseAnUnknownLanguageAsProblemJson() {
        String taskId = publishedTask(2);
        as(teacherId, "TEACHER").pathParam("id", taskId).body(Map.of("language", "cobol", "code", "DISPLAY 'HI'."))
                .post("/api/v1/lab/tasks/{id}/runs").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_ERROR")).body("errors.field", hasItem("language"));
    }

    @Test
    void shouldRefuseStdinOverTheLimit() {
        String taskId = publishedTask(2);
        as(teacherId, "TEACHER").pathParam("id", taskId)
                .body(Map.of("language", "python", "code", "print(1)\n", "stdin", "x".repeat(65 * 1024)))
                .post("/api/v1/lab/tasks/{id}/runs").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_ERROR")).body("errors.field", hasItem("stdin"));
    }

    @Test
    void shouldRefuseRunWhenStudentNotEnrolled() {
        String taskId = publishedTask(2);
        run(UUID.randomUUID(), taskId, "print(1)\n", "").then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void shouldListTheHistoryNewestFirstAndPruneItToTwenty() {
        String taskId = publishedTask(2);
        UUID student = enrolledStudent(taskId);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            ids.add(run(student, taskId, "print(input())\n", "run " + i + "\n").then().statusCode(200)
                    .body("stdout", equalTo("run " + i + "\n")).extract().path("id"));
        }
        Response history = as(student, "STUDENT").pathParam("id", taskId).get("/api/v1/lab/tasks/{id}/runs");
        history.then().statusCode(200).body("items", hasSize(20)).body("items[0].id", equalTo(ids.get(21)))
                .body("items[0].stdin", equalTo("run 21\n")).body("items[19].id", equalTo(ids.get(2)));
        List<String> listed = history.path("items.id");
        assertFalse(listed.contains(ids.get(0)) || listed.contains(ids.get(1)), "the oldest runs are pruned");
        // enrolledStudent's probe run was pruned too, and another user's history is their own
        as(student, "STUDENT").pathParam("id", ids.get(0)).get("/api/v1/lab/runs/{id}").then().statusCode(404);
        as(student, "STUDENT").pathParam("id", ids.get(21)).get("/api/v1/lab/runs/{id}").then().statusCode(200)
                .body("stdout", equalTo("run 21\n"));
        as(UUID.randomUUID(), "STUDENT").pathParam("id", ids.get(21)).get("/api/v1/lab/runs/{id}").then().statusCode(404);
        as(teacherId, "TEACHER").pathParam("id", taskId).get("/api/v1/lab/tasks/{id}/runs").then().statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void shouldAnswerARunWhileGradersAreBusyWithQueuedSubmissions() {
        String taskId = publishedTask(3);
        UUID student = enrolledStudent(taskId);
        List<String> submissions = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            submissions.add(as(student, "STUDENT").pathParam("id", taskId)
                    .body(Map.of("language", "python", "sourceCode", "import time\ntime.sleep(2)\nprint('hi')\n"))
                    .post("/api/v1/lab/tasks/{id}/submissions").then().statusCode(202).extract().path("id"));
        }
        // The graders (2 slots, about 2 s a submission) need some 20 s for these; the run does not queue behind them.
        // Wait until the graders have started on the queue (the first submission left QUEUED), so their slots are taken.
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                !"QUEUED".equals(as(student, "STUDENT").pathParam("id", submissions.get(0)).get("/api/v1/lab/submissions/{id}")
                        .path("status")));
        run(student, taskId, "print(input()[::-1])\n", "lanes\n").then().statusCode(200)
                .body("status", equalTo("FINISHED")).body("stdout", equalTo("senal\n"));
        long waiting = submissions.stream().filter(id -> !"GRADED".equals(as(student, "STUDENT").pathParam("id", id)
                .get("/api/v1/lab/submissions/{id}").path("status"))).count();
        assertTrue(waiting >= 10, "the run answered while " + waiting + " of 20 submissions were still ungraded");
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() ->
                submissions.stream().allMatch(id -> "GRADED".equals(as(student, "STUDENT").pathParam("id", id)
                        .get("/api/v1/lab/submissions/{id}").path("status"))));
        assertEquals("ACCEPTED", as(student, "STUDENT").pathParam("id", submissions.get(19)).get("/api/v1/lab/submissions/{id}")
                .path("verdict"), "the submissions were graded normally");
    }

    @Test
    void shouldStripTheMemoryReportFromStderr() {
        // GNU time's format starts with a newline, so what the program wrote to stderr is what stays
        var result = new dev.kelas.lab.sandbox.SandboxResult(1, false, false, false, "", "oops\n\n" + CodeRunner.MEMORY_MARKER + "812\n", 5);
        RunOutcome outcome = CodeRunner.outcomeOf(result, null);
        assertEquals("oops\n", outcome.stderr());
        assertEquals(812, outcome.memoryKib());
        assertTrue(CodeRunner.outcomeOf(new dev.kelas.lab.sandbox.SandboxResult(0, false, false, false, "", "no figure", 5), null)
                .memoryKib() == null);
    }
}
