package dev.kelas.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What operators see: Prometheus metrics, JSON logs without secrets, and a graceful stop on SIGTERM. */
class SignalsTests {
    private static final ObjectMapper JSON = new ObjectMapper();
    static KelasSystem system;
    static School school;

    @BeforeAll
    static void setUp() {
        system = KelasSystem.get();
        school = School.register(system, "Signals School");
    }

    @Test
    void shouldExposeOutboxConsumerGraderAndConnectionMetrics() {
        Map<String, List<String>> wanted = Map.of(
                "lab-service", List.of("kelas_outbox_backlog ", "kelas_outbox_oldest_age_seconds ",
                        "kelas_consumer_pending{consumer=\"lab-graders\"", "kelas_consumer_ack_pending{consumer=\"lab-graders\"",
                        "kelas_lab_queue_depth ", "http_server_requests_seconds_bucket"),
                "learning-service", List.of("kelas_outbox_backlog ", "kelas_consumer_pending{consumer="),
                "notification-service", List.of("kelas_notification_connections ", "kelas_consumer_pending{consumer="),
                "auth-service", List.of("kelas_outbox_oldest_age_seconds ", "jvm_memory_used_bytes"));
        school.as(school.admin, "lab-service").get("/api/v1/lab/submissions/" + java.util.UUID.randomUUID()).then().statusCode(404);
        wanted.forEach((service, names) -> {
            String metrics = given().baseUri(system.url(service)).get("/q/metrics").then().statusCode(200).extract().asString();
            for (String name : names) {
                assertTrue(metrics.contains(name), service + " lacks " + name);
            }
        });
    }

    @Test
    void shouldLogJsonLinesWithRequestAndTraceIdsAndNoSecrets() throws Exception {
        // A refresh-token reuse is logged inside its request.
        String reused = school.admin.refreshToken();
        given().baseUri(system.url("auth-service")).contentType(ContentType.JSON).body(Map.of("refreshToken", reused))
                .post("/api/v1/auth/refresh");
        given().baseUri(system.url("auth-service")).contentType(ContentType.JSON).header("X-Request-Id", "signals-reuse-1")
                .body(Map.of("refreshToken", reused)).post("/api/v1/auth/refresh").then().statusCode(401);
        JsonNode[] line = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (JsonNode entry : jsonLines("auth-service")) {
                if (entry.path("message").asText().contains("Refresh token reuse") && entry.path("mdc").path("requestId").asText()
                        .equals("signals-reuse-1")) {
                    line[0] = entry;
                    return true;
                }
            }
            return false;
        });
        assertEquals("auth-service", line[0].path("service").asText());
        assertTrue(line[0].path("mdc").path("traceId").asText().matches("[0-9a-f]{32}"), line[0].toString());

        for (String service : KelasSystem.SERVICES) {
            List<String> lines = system.logLines(service);
            List<String> notJson = lines.stream().filter(l -> !l.isBlank() && !l.startsWith("{")).toList();
            assertTrue(notJson.size() <= 5, service + " logs text lines: " + notJson.subList(0, Math.min(5, notJson.size())));
            for (String text : lines) {
                assertFalse(text.contains(school.admin.email()), service + " logged an e-mail address: " + text);
                assertFalse(text.contains(school.admin.password()), service + " logged a password: " + text);
                assertFalse(text.contains(school.admin.accessToken()), service + " logged an access token: " + text);
                assertFalse(text.contains(reused), service + " logged a refresh token: " + text);
            }
        }
    }

    @Test
    void shouldFinishTheRunsInHandWhenAGraderIsTerminated() throws Exception {
        String second = system.startSecondGrader();
        School.Person teacher = school.createUser("TEACHER", "Stop Teacher");
        School.Person student = school.createUser("STUDENT", "Stop Student");
        String classId = school.createClass(teacher, "Shutdown 1");
        school.enroll(teacher, classId, student);
        String task = school.createPythonTask(teacher, classId, school.publishCodingAssignment(teacher, classId, "Slow sum", 10),
                List.of(Map.of("stdin", "1 2\n", "expectedStdout", "3\n", "hidden", false, "points", 10)),
                Map.of("cpuSeconds", 2, "wallSeconds", 10, "memoryMib", 256));
        List<String> submissions = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            submissions.add(school.submit(student, task, "import time\ntime.sleep(3)\na, b = map(int, input().split())\nprint(a + b)\n"));
        }
        try {
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> system.hasSandboxProcess(second));
            assertTrue(system.terminate(second, Duration.ofSeconds(40)), "the grader did not stop within 40 s of SIGTERM");
            for (String submission : submissions) {
                assertEquals("ACCEPTED", school.awaitGraded(student, submission).path("verdict"));
            }
            List<String> log = system.logLines(second);
            assertTrue(log.stream().anyMatch(l -> l.matches(".*Stopping consumers: \\d+ message\\(s\\) were in hand, (\\d+) finished, 0 handed back.*")),
                    "the stopping grader did not finish what it held: " + String.join("\n", log.subList(Math.max(0, log.size() - 15), log.size())));
            assertFalse(system.hasSandboxProcess(second), "a sandbox process outlived its grader");
        } finally {
            if (!system.alive(second)) {
                system.restart(second);
            }
        }
    }

    private static List<JsonNode> jsonLines(String service) throws Exception {
        List<JsonNode> entries = new ArrayList<>();
        for (String text : system.logLines(service)) {
            if (text.startsWith("{")) {
                entries.add(JSON.readTree(text));
            }
        }
        return entries;
    }
}
