package dev.kelas.e2e;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The main job of Kelas, end to end through the public API: a school, a teacher, a class, a CODING
 * assignment with a Python task; a student submits; a grader runs the code under bubblewrap; the
 * grade lands in the gradebook and the student's open SSE stream is told at once.
 */
class CodingLabFlowTests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUM_RIGHT = "a, b = map(int, input().split())\nprint(a + b)\n";

    static KelasSystem system;
    static School school;
    static School.Person teacher;
    static School.Person student;
    static School.Person unenrolledStudent;
    static String classId;
    static String sumTaskId;
    static String probeTaskId;

    @BeforeAll
    static void setUpSchool() {
        system = KelasSystem.get();
        school = School.register(system, "Lab School");
        teacher = school.createUser("TEACHER", "Tia Teacher");
        student = school.createUser("STUDENT", "Sam Student");
        unenrolledStudent = school.createUser("STUDENT", "Una Outsider");
        classId = school.createClass(teacher, "Algorithms 1");
        school.enroll(teacher, classId, student);
        String sumAssignment = school.publishCodingAssignment(teacher, classId, "Sum two numbers", 10);
        sumTaskId = school.createPythonTask(teacher, classId, sumAssignment, List.of(
                        Map.of("stdin", "1 2\n", "expectedStdout", "3\n", "hidden", false, "points", 5),
                        Map.of("stdin", "40 2\n", "expectedStdout", "42\n", "hidden", true, "points", 5)),
                Map.of("cpuSeconds", 1, "wallSeconds", 2, "memoryMib", 256));
        String probeAssignment = school.publishCodingAssignment(teacher, classId, "Sandbox probe", 1);
        probeTaskId = school.createPythonTask(teacher, classId, probeAssignment, List.of(
                        Map.of("stdin", "", "expectedStdout", "contained\n", "hidden", false, "points", 1)),
                Map.of("cpuSeconds", 1, "wallSeconds", 2, "memoryMib", 256, "outputKib", 64, "maxProcesses", 16));
    }

    @Test
    void shouldGradeAcceptedSubmissionAndTellTheStudentOverSse() throws Exception {
        // A student of their own: the gradebook keeps the best score, so only a first grade is news.
        School.Person student = school.createUser("STUDENT", "Fay First");
        school.enroll(teacher, classId, student);
        try (SseClient stream = SseClient.connect(system.url("notification-service")
                + "/api/v1/notifications/stream?access_token=" + student.accessToken(), Map.of())) {
            assertEquals(200, stream.status());
            assertTrue(stream.contentType().startsWith("text/event-stream"), stream.contentType());

            String submissionId = school.submit(student, sumTaskId, SUM_RIGHT);

            SseClient.Event event = stream.awaitEvent("kelas.lab.submission.graded", submissionId, Duration.ofSeconds(30));
            assertNotNull(event, "no SSE event for the graded submission");
            assertEquals("kelas.lab.submission.graded", event.name());
            assertTrue(Long.parseLong(event.id()) > 0);
            JsonNode data = JSON.readTree(event.data()).path("data");
            assertEquals("ACCEPTED", data.path("verdict").asText());
            assertEquals(0, data.path("score").decimalValue().compareTo(java.math.BigDecimal.TEN));

            school.awaitGraded(student, submissionId).then()
                    .body("status", equalTo("GRADED"))
                    .body("verdict", equalTo("ACCEPTED"))
                    .body("score", equalTo(10.0f))
                    .body("maxScore", equalTo(10.0f))
                    .body("tests", hasSize(2))
                    .body("tests[0].verdict", equalTo("ACCEPTED"))
                    .body("tests[0].stdin", equalTo("1 2\n"))
                    .body("tests[1].hidden", is(true))
                    .body("tests[1].verdict", equalTo("ACCEPTED"))
                    .body("tests[1].stdin", nullValue())
                    .body("tests[1].expectedStdout", nullValue())
                    .body("tests[1].stdout", nullValue());

            SseClient.Event grade = stream.awaitEventContaining("kelas.learning.grade.recorded", Duration.ofSeconds(30));
            assertNotNull(grade, "no SSE event for the recorded grade");
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                school.as(teacher, "learning-service").get("/api/v1/classes/" + classId + "/gradebook").then()
                        .statusCode(200)
                        .body("rows.find { it.studentId == '%s' }.totalScore".formatted(student.id()), equalTo(10.0f))
                        .body("rows.find { it.studentId == '%s' }.name".formatted(student.id()), equalTo("Fay First")));
    }

    static List<Arguments> judgedPrograms() {
        return List.of(
                Arguments.of("wrong answer", "a, b = map(int, input().split())\nprint(a - b)\n", Set.of("WRONG_ANSWER")),
                Arguments.of("endless loop", "while True:\n    pass\n", Set.of("TIME_LIMIT_EXCEEDED")),
                Arguments.of("crash", "print(1 // 0)\n", Set.of("RUNTIME_ERROR")),
                Arguments.of("non-zero exit", "import sys\nsys.exit(3)\n", Set.of("RUNTIME_ERROR")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("judgedPrograms")
    void shouldJudgeEachKindOfFailure(String what, String source, Set<String> verdicts) {
        Response graded = school.awaitGraded(student, school.submit(student, sumTaskId, source));
        assertEquals("GRADED", graded.path("status"), what);
        assertTrue(verdicts.contains(graded.<String>path("verdict")), what + " got " + graded.path("verdict"));
        assertEquals(0.0f, graded.<Float>path("score"), what);
    }

    static List<Arguments> hostilePrograms() {
        return List.of(
                Arguments.of("fork bomb", """
                        import os
                        while True:
                            try:
                                os.fork()
                            except OSError:
                                pass
                        """, Set.of("TIME_LIMIT_EXCEEDED", "RUNTIME_ERROR")),
                Arguments.of("2 GiB allocation", "x = bytearray(2 * 1024 ** 3)\nprint(len(x))\n", Set.of("MEMORY_LIMIT_EXCEEDED")),
                Arguments.of("connect to the services' ports", """
                        import socket
                        escaped = []
                        for port in (%d, %d, 5432):
                            try:
                                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                                escaped.append(port)
                            except OSError:
                                pass
                        print("contained" if not escaped else "ESCAPED %%s" %% escaped)
                        """.formatted(port("auth-service"), system.natsPort()), Set.of("ACCEPTED")),
                Arguments.of("read host secrets", """
                        import os
                        leaked = []
                        for path in ("/etc/shadow", "/etc/passwd", "/root", "/home", "/proc/1/environ"):
                            try:
                                with open(path) as f:
                                    if "KELAS" in f.read() or path.startswith("/etc"):
                                        leaked.append(path)
                            except OSError:
                                pass
                        print("contained" if not leaked else "LEAKED %s" % leaked)
                        """, Set.of("ACCEPTED")),
                Arguments.of("write outside the work directory", """
                        leaked = []
                        for path in ("/usr/kelas-owned", "/kelas-owned", "/bin/kelas-owned"):
                            try:
                                open(path, "w").write("x")
                                leaked.append(path)
                            except OSError:
                                pass
                        print("contained" if not leaked else "WROTE %s" % leaked)
                        """, Set.of("ACCEPTED")),
                Arguments.of("endless output", "while True:\n    print('x' * 1000)\n", Set.of("OUTPUT_LIMIT_EXCEEDED")),
                Arguments.of("sleep past the wall limit", "import time\ntime.sleep(30)\n", Set.of("TIME_LIMIT_EXCEEDED")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostilePrograms")
    void shouldContainHostileProgramAndKeepGrading(String what, String source, Set<String> verdicts) {
        Response graded = school.awaitGraded(student, school.submit(student, probeTaskId, source));
        assertEquals("GRADED", graded.path("status"), what);
        assertTrue(verdicts.contains(graded.<String>path("verdict")),
                what + " got " + graded.path("verdict") + " printing " + graded.path("tests[0].stdout"));
        for (String service : KelasSystem.SERVICES) {
            assertTrue(system.alive(service), service + " died after " + what);
        }
        Response next = school.awaitGraded(student, school.submit(student, sumTaskId, SUM_RIGHT));
        assertEquals("ACCEPTED", next.path("verdict"), "grading after " + what);
    }

    @Test
    void shouldKeepOtherSchoolsOut() {
        School other = School.register(system, "Other School");
        School.Person otherTeacher = other.createUser("TEACHER", "Oscar Other");
        School.Person otherStudent = other.createUser("STUDENT", "Olga Other");
        String submissionId = school.submit(student, sumTaskId, SUM_RIGHT);

        other.as(otherTeacher, "learning-service").get("/api/v1/classes/" + classId + "/gradebook").then()
                .statusCode(404).contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
        other.as(otherTeacher, "lab-service").get("/api/v1/lab/submissions/" + submissionId).then()
                .statusCode(404).body("code", equalTo("NOT_FOUND"));
        other.as(otherStudent, "lab-service").body(Map.of("language", "python", "sourceCode", SUM_RIGHT))
                .post("/api/v1/lab/tasks/" + sumTaskId + "/submissions").then()
                .statusCode(404).body("code", equalTo("NOT_FOUND"));
        other.as(otherTeacher, "learning-service").body(Map.of("studentId", student.id()))
                .post("/api/v1/classes/" + classId + "/enrollments").then().statusCode(404);
        other.as(otherStudent, "notification-service").get("/api/v1/notifications").then()
                .statusCode(200).body("total", equalTo(0));
    }

    @Test
    void shouldRefuseWhoMayNotSubmitOrReadTheGradebook() {
        school.as(unenrolledStudent, "lab-service").body(Map.of("language", "python", "sourceCode", SUM_RIGHT))
                .post("/api/v1/lab/tasks/" + sumTaskId + "/submissions").then()
                .statusCode(403).contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
        school.as(student, "learning-service").get("/api/v1/classes/" + classId + "/gradebook").then()
                .statusCode(403).body("code", equalTo("FORBIDDEN"));
        School.Person otherTeacher = school.createUser("TEACHER", "Nora Notmine");
        school.as(otherTeacher, "learning-service").get("/api/v1/classes/" + classId + "/gradebook").then()
                .statusCode(403).body("code", equalTo("FORBIDDEN"));
        String submissionId = school.submit(student, sumTaskId, SUM_RIGHT);
        school.as(unenrolledStudent, "lab-service").get("/api/v1/lab/submissions/" + submissionId).then().statusCode(404);
        school.as(teacher, "lab-service").get("/api/v1/lab/submissions/" + submissionId).then().statusCode(200)
                .body("studentId", equalTo(student.id()));
    }

    @Test
    void shouldReplayMissedNotificationsAfterLastEventId() throws Exception {
        School.Person replayStudent = school.createUser("STUDENT", "Rey Replay");
        school.enroll(teacher, classId, replayStudent);
        String first;
        try (SseClient stream = SseClient.connect(system.url("notification-service") + "/api/v1/notifications/stream",
                Map.of("Authorization", "Bearer " + replayStudent.accessToken()))) {
            String submission = school.submit(replayStudent, sumTaskId, "print(0)\n");
            SseClient.Event event = stream.awaitEvent("kelas.lab.submission.graded", submission, Duration.ofSeconds(30));
            assertNotNull(event);
            first = event.id();
        }
        // Offline: two more submissions are graded while no stream is open.
        String missedA = school.submit(replayStudent, sumTaskId, "print(1)\n");
        String missedB = school.submit(replayStudent, sumTaskId, "print(2)\n");
        school.awaitGraded(replayStudent, missedA);
        school.awaitGraded(replayStudent, missedB);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> school
                .as(replayStudent, "notification-service").get("/api/v1/notifications?size=100")
                .then().extract().<List<Object>>path("items.findAll { it.data.submissionId != null }.data.submissionId")
                .containsAll(List.of(missedA, missedB)));

        try (SseClient resumed = SseClient.connect(system.url("notification-service") + "/api/v1/notifications/stream",
                Map.of("Authorization", "Bearer " + replayStudent.accessToken(), "Last-Event-ID", first))) {
            // Either may have been graded first: collect until both came, then check the ids rise one by one.
            List<Long> ids = new java.util.ArrayList<>();
            boolean seenA = false;
            boolean seenB = false;
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (!(seenA && seenB) && System.nanoTime() < deadline) {
                SseClient.Event event = resumed.next(Duration.ofMillis(500));
                if (event != null) {
                    ids.add(Long.parseLong(event.id()));
                    seenA |= event.data().contains(missedA);
                    seenB |= event.data().contains(missedB);
                }
            }
            assertTrue(seenA, "missed event A not replayed");
            assertTrue(seenB, "missed event B not replayed");
            for (int i = 0; i < ids.size(); i++) {
                assertEquals(Long.parseLong(first) + 1 + i, ids.get(i), "replayed ids out of order or with a hole: " + ids);
            }
        }
        school.as(replayStudent, "notification-service").get("/api/v1/notifications").then().statusCode(200)
                .body("items[0].id", notNullValue())
                .body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(3));
    }

    @Test
    void shouldAnswerBadInputWithProblemDetails() throws Exception {
        school.as(teacher, "learning-service").body("{\"name\": ").post("/api/v1/classes").then()
                .statusCode(400).contentType("application/problem+json").body("code", equalTo("MALFORMED_REQUEST"))
                .body("status", equalTo(400)).body("instance", equalTo("/api/v1/classes"));
        school.as(teacher, "learning-service").body(Map.of("name", "", "code", "bad code!")).post("/api/v1/classes").then()
                .statusCode(400).body("code", equalTo("VALIDATION_ERROR"))
                .body("errors.field", org.hamcrest.Matchers.hasItems("name", "code"));
        school.as(teacher, "lab-service").body(Map.of("title", "T", "language", "cobol", "statement", "s",
                        "assignmentId", java.util.UUID.randomUUID(), "classId", classId,
                        "limits", Map.of("cpuSeconds", 1, "wallSeconds", 1, "memoryMib", 64),
                        "tests", List.of(Map.of("stdin", "", "expectedStdout", "", "hidden", false, "points", 1))))
                .post("/api/v1/lab/tasks").then()
                .statusCode(422).body("code", equalTo("VALIDATION_ERROR")).body("errors[0].field", equalTo("language"));
        school.as(student, "lab-service").body(Map.of("language", "python", "sourceCode", "x = 1\n".repeat(20_000)))
                .post("/api/v1/lab/tasks/" + sumTaskId + "/submissions").then()
                .statusCode(422).body("errors[0].field", equalTo("sourceCode"));
        io.restassured.RestAssured.given().baseUri(system.url("learning-service")).get("/api/v1/classes/" + classId + "/gradebook")
                .then().statusCode(401).contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
        io.restassured.RestAssured.given().baseUri(system.url("lab-service"))
                .header("Authorization", "Bearer not-a-token").get("/api/v1/lab/submissions/" + java.util.UUID.randomUUID())
                .then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        school.as(student, "lab-service").get("/api/v1/lab/submissions/not-a-uuid").then().statusCode(404)
                .contentType("application/problem+json");
        school.as(student, "lab-service").header("X-Request-Id", "trace-me-1").get("/api/v1/lab/submissions/" + java.util.UUID.randomUUID())
                .then().statusCode(404).header("X-Request-Id", "trace-me-1").body("requestId", equalTo("trace-me-1"))
                .body(org.hamcrest.Matchers.not(containsString("Exception")));
        try (SseClient anonymous = SseClient.connect(system.url("notification-service") + "/api/v1/notifications/stream", Map.of())) {
            assertEquals(401, anonymous.status());
        }
    }

    private static int port(String service) {
        return Integer.parseInt(system.url(service).replaceAll(".*:", ""));
    }
}
