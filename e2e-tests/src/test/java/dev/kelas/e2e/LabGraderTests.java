package dev.kelas.e2e;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.api.MessageInfo;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The lab's graders through the public API: languages, checkers, regrades, history, failures, crashes. */
class LabGraderTests {
    static KelasSystem system;
    static School school;
    static School.Person teacher;
    static School.Person student;
    static String classId;

    @BeforeAll
    static void setUp() {
        system = KelasSystem.get();
        school = School.register(system, "Grader School");
        teacher = school.createUser("TEACHER", "Gus Grader");
        student = school.createUser("STUDENT", "Stu Dent");
        classId = school.createClass(teacher, "Programming 2");
        school.enroll(teacher, classId, student);
    }

    private static String task(String language, List<Map<String, Object>> tests, Map<String, Object> extra) {
        String assignment = school.publishCodingAssignment(teacher, classId, "Task in " + language, 10);
        Map<String, Object> body = new java.util.HashMap<>(Map.of("title", "Task", "language", language, "statement", "Solve it.",
                "assignmentId", assignment, "classId", classId,
                "limits", Map.of("cpuSeconds", 2, "wallSeconds", 10, "memoryMib", 256), "tests", tests));
        body.putAll(extra);
        String[] id = new String[1];
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Response response = school.as(teacher, "lab-service").body(body).post("/api/v1/lab/tasks");
            if (response.statusCode() != 201 && response.statusCode() != 404) {
                throw new AssertionError(response.statusCode() + ": " + response.asString());
            }
            id[0] = response.statusCode() == 201 ? response.path("id") : null;
            return id[0] != null;
        });
        return id[0];
    }

    private static String submit(String taskId, String language, String source) {
        return school.as(student, "lab-service").body(Map.of("language", language, "sourceCode", source))
                .post("/api/v1/lab/tasks/" + taskId + "/submissions").then().statusCode(202).extract().path("id");
    }

    private static final List<Map<String, Object>> SUM_TESTS = List.of(
            Map.of("stdin", "1 2\n", "expectedStdout", "3\n", "hidden", false, "points", 5),
            Map.of("stdin", "40 2\n", "expectedStdout", "42\n", "hidden", true, "points", 5));

    @Test
    void shouldCompileAndGradeCJavaAndJavaScript() {
        Map<String, String> right = Map.of(
                "c", "#include <stdio.h>\nint main(){int a,b;scanf(\"%d %d\",&a,&b);printf(\"%d\\n\",a+b);return 0;}\n",
                "java", "import java.util.*;\npublic class Main { public static void main(String[] a) { Scanner s = new Scanner(System.in);"
                        + " System.out.println(s.nextInt() + s.nextInt()); } }\n",
                "javascript", "const [a, b] = require('fs').readFileSync(0, 'utf8').trim().split(/\\s+/).map(Number);\nconsole.log(a + b);\n");
        for (Map.Entry<String, String> language : right.entrySet()) {
            String taskId = task(language.getKey(), SUM_TESTS, Map.of());
            Response graded = school.awaitGraded(student, submit(taskId, language.getKey(), language.getValue()));
            assertEquals("ACCEPTED", graded.path("verdict"), language.getKey() + ": " + graded.asString());
            assertEquals(10.0f, graded.<Float>path("score"));
        }
        String cTask = task("c", SUM_TESTS, Map.of());
        school.awaitGraded(student, submit(cTask, "c", "int main( { return 0 }\n")).then()
                .body("verdict", equalTo("COMPILATION_ERROR"))
                .body("compileOutput", containsString("error"))
                .body("tests.verdict", everyItem(equalTo("COMPILATION_ERROR")));
    }

    @Test
    void shouldJudgeWithFloatWhitespaceAndProgramCheckers() {
        String taskId = task("python", List.of(
                Map.of("stdin", "", "expectedStdout", "3.14159265\n", "hidden", false, "points", 4, "checker", "FLOAT", "tolerance", 1e-4),
                Map.of("stdin", "", "expectedStdout", "a b c\n", "hidden", false, "points", 3, "checker", "WHITESPACE"),
                Map.of("stdin", "3\n", "expectedStdout", "9\n", "hidden", true, "points", 3, "checker", "PROGRAM")),
                Map.of("checkerSource", "import sys\nn = int(open(sys.argv[1]).read())\nout = open(sys.argv[2]).read().split()\n"
                        + "sys.exit(0 if out and int(out[-1]) == n * n else 1)\n"));
        String source = "import sys, math\nline = sys.stdin.read()\nprint(round(math.pi, 5))\nprint('a  b\\n c')\n"
                + "print('result:', int(line) ** 2 if line.strip() else 0)\n";
        school.awaitGraded(student, submit(taskId, "python", source)).then()
                .body("tests.verdict", equalTo(List.of("WRONG_ANSWER", "WRONG_ANSWER", "ACCEPTED")));
        // Each test runs the whole program: print only what each test wants.
        String precise = "import sys, math\nline = sys.stdin.read().strip()\nif line:\n    print('square', int(line) ** 2)\n"
                + "else:\n    print(round(math.pi, 5))\n";
        school.awaitGraded(student, submit(taskId, "python", precise)).then()
                .body("tests.verdict", equalTo(List.of("ACCEPTED", "WRONG_ANSWER", "ACCEPTED")))
                .body("score", equalTo(7.0f));
        school.as(teacher, "lab-service").body(Map.of("title", "T", "language", "python", "statement", "s",
                        "assignmentId", school.publishCodingAssignment(teacher, classId, "Bad checker", 1), "classId", classId,
                        "limits", Map.of("cpuSeconds", 1, "wallSeconds", 1, "memoryMib", 64),
                        "tests", List.of(Map.of("stdin", "", "expectedStdout", "", "hidden", false, "points", 1, "checker", "PROGRAM"))))
                .post("/api/v1/lab/tasks").then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(422), equalTo(404)));
    }

    @Test
    void shouldRegradeAfterTheTestsChangeAndUpdateTheGradebook() {
        School.Person regraded = school.createUser("STUDENT", "Reggie Regrade");
        school.enroll(teacher, classId, regraded);
        String assignment = school.publishCodingAssignment(teacher, classId, "Doubling", 10);
        String taskId = school.createPythonTask(teacher, classId, assignment,
                List.of(Map.of("stdin", "2\n", "expectedStdout", "4\n", "hidden", false, "points", 10)),
                Map.of("cpuSeconds", 1, "wallSeconds", 2, "memoryMib", 256));
        // learning-service learns the assignment's task from kelas.lab.task.created.
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                school.as(teacher, "learning-service").get("/api/v1/assignments/" + assignment).then().statusCode(200)
                        .body("labTaskId", equalTo(taskId)));
        String submission = school.submit(regraded, taskId, "print(int(input()) * 2)\n");
        assertEquals("ACCEPTED", school.awaitGraded(regraded, submission).path("verdict"));
        awaitGradebookScore(regraded, assignment, 10.0f);

        // The teacher finds the test was wrong (it should square), fixes it and regrades everything.
        school.as(teacher, "lab-service").body(Map.of("tests", List.of(
                        Map.of("stdin", "3\n", "expectedStdout", "9\n", "hidden", false, "points", 10))))
                .put("/api/v1/lab/tasks/" + taskId + "/tests").then().statusCode(200).body("testCount", equalTo(1));
        school.as(regraded, "lab-service").post("/api/v1/lab/tasks/" + taskId + "/regrade").then().statusCode(403);
        String regradeId = school.as(teacher, "lab-service").post("/api/v1/lab/tasks/" + taskId + "/regrade").then()
                .statusCode(202).body("queued", equalTo(1)).extract().path("regradeId");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                school.as(regraded, "lab-service").get("/api/v1/lab/submissions/" + submission).then()
                        .body("status", equalTo("GRADED")).body("verdict", equalTo("WRONG_ANSWER"))
                        .body("tests", hasSize(1)).body("tests[0].stdin", equalTo("3\n")));
        awaitGradebookScore(regraded, assignment, 0.0f);
        // The teacher's summary of the regrade: one submission, its score went down from 10 to 0.
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                school.as(teacher, "lab-service").get("/api/v1/lab/tasks/" + taskId + "/regrades/" + regradeId).then()
                        .statusCode(200).body("pending", equalTo(0)).body("down", equalTo(1)).body("up", equalTo(0))
                        .body("unchanged", equalTo(0)).body("submissions[0].previousScore", equalTo(10.0f))
                        .body("submissions[0].newScore", equalTo(0.0f)));
        school.as(regraded, "lab-service").get("/api/v1/lab/tasks/" + taskId + "/regrades/" + regradeId).then()
                .statusCode(403);
        // The gradebook's audit trail has the regrade's entry for the submission.
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                school.as(teacher, "learning-service").get("/api/v1/assignments/" + assignment + "/grades/"
                                + regraded.id() + "/history").then().statusCode(200)
                        .body("find { it.source == 'REGRADE' }.regradeId", equalTo(regradeId))
                        .body("find { it.source == 'REGRADE' }.newVerdict", equalTo("WRONG_ANSWER")));
    }

    private static void awaitGradebookScore(School.Person who, String assignment, float score) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                school.as(teacher, "learning-service").get("/api/v1/classes/" + classId + "/gradebook").then().statusCode(200)
                        .body("rows.find { it.studentId == '%s' }.scores.'%s'".formatted(who.id(), assignment), equalTo(score)));
    }

    @Test
    void shouldShowEachStudentTheirOwnHistoryAndTheTeacherEveryone() {
        School.Person other = school.createUser("STUDENT", "Otto Other");
        school.enroll(teacher, classId, other);
        String taskId = task("python", SUM_TESTS, Map.of());
        String mine = submit(taskId, "python", "print(3)\n");
        String theirs = school.as(other, "lab-service").body(Map.of("language", "python", "sourceCode", "print(42)\n"))
                .post("/api/v1/lab/tasks/" + taskId + "/submissions").then().statusCode(202).extract().path("id");
        school.awaitGraded(student, mine);
        school.as(student, "lab-service").get("/api/v1/lab/tasks/" + taskId + "/submissions").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(mine)).body("items[0].tests[1].stdin", equalTo(null));
        school.as(teacher, "lab-service").get("/api/v1/lab/tasks/" + taskId + "/submissions").then().statusCode(200)
                .body("total", equalTo(2)).body("items.id", org.hamcrest.Matchers.containsInAnyOrder(mine, theirs));
        school.as(teacher, "lab-service").get("/api/v1/lab/tasks/" + taskId + "/submissions?studentId=" + other.id()).then()
                .body("total", equalTo(1)).body("items[0].id", equalTo(theirs));
        School.Person stranger = school.createUser("TEACHER", "Stan Stranger");
        school.as(stranger, "lab-service").get("/api/v1/lab/tasks/" + taskId + "/submissions").then().statusCode(403);
    }

    @Test
    void shouldEndAsFailedAndDeadLetterWhenNoGraderCanRunIt() throws Exception {
        String taskId = task("broken", List.of(Map.of("stdin", "", "expectedStdout", "", "hidden", false, "points", 1)), Map.of());
        String submission = submit(taskId, "broken", "anything");
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                school.as(teacher, "lab-service").get("/api/v1/lab/submissions/" + submission).then()
                        .body("status", equalTo("FAILED")).body("verdict", equalTo("INTERNAL_ERROR"))
                        .body("error", containsString("every attempt")));
        try (Connection nats = Nats.connect("nats://127.0.0.1:" + system.natsPort())) {
            MessageInfo dead = nats.jetStreamManagement().getLastMessage("KELAS_DLQ", "kelas.dlq.lab-graders");
            assertTrue(new String(dead.getData(), StandardCharsets.UTF_8).contains(submission), "dead letter is another submission");
            assertEquals("kelas.lab.submission.created", dead.getHeaders().getFirst("Kelas-Original-Subject"));
            assertTrue(dead.getHeaders().getFirst("Kelas-Error").contains("kelas-no-such-runtime"));
        }
    }

    @Test
    void shouldGradeOnceWhenTheGraderRunningItIsKilled() throws Exception {
        String second = system.startSecondGrader();
        io.restassured.RestAssured.given().baseUri(system.url(second)).auth().oauth2(teacher.accessToken())
                .get("/api/v1/lab/tasks/" + java.util.UUID.randomUUID() + "/submissions")
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
        String taskId = task("python", SUM_TESTS, Map.of());
        try (SseClient stream = SseClient.connect(system.url("notification-service") + "/api/v1/notifications/stream?access_token="
                + student.accessToken(), Map.of())) {
            String submission = submit(taskId, "python", "import time\ntime.sleep(3)\na, b = map(int, input().split())\nprint(a + b)\n");
            String[] runner = new String[1];
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
                runner[0] = instanceRunning(second);
                return runner[0] != null;
            });
            system.kill(runner[0]);
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !system.hasSandboxProcess(runner[0]));
            system.restart(runner[0]); // back, as Kubernetes would restart it; either instance may now grade it
            Response graded = school.awaitGraded(student, submission);
            assertEquals("ACCEPTED", graded.path("verdict"), graded.asString());
            assertEquals(2, graded.<List<?>>path("tests").size());
            assertNotNull(stream.awaitEvent("kelas.lab.submission.graded", submission, Duration.ofSeconds(30)));
            assertEquals(null, stream.awaitEvent("kelas.lab.submission.graded", submission, Duration.ofSeconds(3)), "graded twice");
        } finally {
            for (String instance : List.of("lab-service", second)) {
                if (!system.alive(instance)) {
                    system.restart(instance);
                }
            }
        }
        // One of the two graded it: their metrics together must show it.
        String metrics = io.restassured.RestAssured.given().baseUri(system.url(second)).get("/q/metrics").asString()
                + io.restassured.RestAssured.given().baseUri(system.url("lab-service")).get("/q/metrics").asString();
        for (String name : List.of("kelas_lab_queue_depth", "kelas_lab_queue_seconds", "kelas_lab_run_seconds", "kelas_lab_verdicts_total")) {
            assertTrue(metrics.contains(name), name + " missing from /q/metrics");
        }
    }

    /** Which lab instance has a sandboxed process running now, by the uid range of its runs. */
    private static String instanceRunning(String second) throws Exception {
        for (String instance : List.of("lab-service", second)) {
            if (system.hasSandboxProcess(instance)) {
                return instance;
            }
        }
        return null;
    }
}
