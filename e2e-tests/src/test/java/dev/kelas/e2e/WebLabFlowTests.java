package dev.kelas.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;

/**
 * The WEB lab end to end, as a teacher and a student use it through the edge: a WEB task of JavaScript
 * checks, a student's HTML, CSS and JavaScript files graded by the real graders in headless chromium inside
 * bubblewrap, each check's progress on the student's SSE stream before the grade notification, the
 * screenshot, and hostile pages (an endless script, a page that calls the services) contained.
 */
class WebLabFlowTests {
    private static final ObjectMapper JSON = new ObjectMapper();

    static KelasSystem system;
    static School school;
    static School.Person teacher;
    static String classId;
    static String taskId;

    @BeforeAll
    static void setUpSchool() {
        system = KelasSystem.get();
        school = School.register(system, "Web Lab School");
        teacher = school.createUser("TEACHER", "Wes Web");
        classId = school.createClass(teacher, "Web 1");
        String assignment = school.publishCodingAssignment(teacher, classId, "A page with a counter", 10);
        List<Map<String, Object>> checks = List.of(
                Map.of("script", "assert(document.querySelector('h1').textContent === 'Counter', 'the heading says Counter')",
                        "hidden", false, "points", 3),
                Map.of("script", "const b = document.getElementById('count'); b.click(); assert(b.textContent === '1', 'one click counts 1')",
                        "hidden", true, "points", 4),
                Map.of("script", "let reached = false; try { await fetch('" + system.url("auth-service") + "/q/health'); reached = true; }"
                        + " catch (e) {} assert(!reached, 'the page reached the services')", "hidden", false, "points", 3));
        Map<String, Object> body = Map.of("title", "Counter", "language", "web", "statement", "Build a counter page.",
                "assignmentId", assignment, "classId", classId,
                "limits", Map.of("cpuSeconds", 2, "wallSeconds", 3, "memoryMib", 128), "tests", checks);
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Response response = school.as(teacher, "lab-service").body(body).post("/api/v1/lab/tasks");
            id[0] = response.statusCode() == 201 ? response.path("id") : null;
            return id[0] != null;
        });
        taskId = id[0];
    }

    private static String submitFiles(School.Person student, Map<String, String> files) {
        Response[] answer = new Response[1];
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            answer[0] = school.as(student, "lab-service").body(Map.of("language", "web", "files", files))
                    .post("/api/v1/lab/tasks/" + taskId + "/submissions");
            return answer[0].statusCode() != 403;
        });
        return answer[0].then().statusCode(202).extract().path("id");
    }

    private static School.Person enrolledStudent(String name) {
        School.Person student = school.createUser("STUDENT", name);
        school.enroll(teacher, classId, student);
        return student;
    }

    @Test
    void shouldGradeAPageCheckByCheckOverSseAndKeepItsScreenshot() throws Exception {
        School.Person student = enrolledStudent("Cora Counter");
        try (SseClient stream = SseClient.connect(system.edgeUrl() + "/api/v1/notifications/stream?access_token="
                + student.accessToken(), Map.of())) {
            assertEquals(200, stream.status());
            String submissionId = submitFiles(student, Map.of(
                    "index.html", "<!doctype html><h1>Counter</h1><button id=count>0</button><script src=counter.js></script>",
                    "counter.js", "const b = document.getElementById('count'); b.addEventListener('click', () => b.textContent = +b.textContent + 1);"
                            + " fetch('http://127.0.0.1:8081/q/health').catch(() => {});"));
            List<JsonNode> progress = new ArrayList<>();
            SseClient.Event graded = null;
            while (graded == null) {
                SseClient.Event event = stream.awaitEventContaining(submissionId, Duration.ofSeconds(60));
                assertNotNull(event, "no further SSE event for the submission; progress so far: " + progress);
                if ("kelas.lab.submission.test-finished".equals(event.name())) {
                    progress.add(JSON.readTree(event.data()));
                } else if ("kelas.lab.submission.graded".equals(event.name())) {
                    graded = event;
                }
            }
            assertEquals(3, progress.size(), "one progress event per check before the grade: " + progress);
            for (int i = 0; i < 3; i++) {
                assertEquals(i + 1, progress.get(i).path("ordinal").asInt());
                assertEquals("ACCEPTED", progress.get(i).path("verdict").asText(), progress.get(i).toString());
            }
            assertEquals("ACCEPTED", JSON.readTree(graded.data()).path("data").path("verdict").asText());
            school.awaitGraded(student, submissionId).then().body("score", equalTo(10.0f)).body("language", equalTo("web"));
            for (School.Person reader : List.of(student, teacher)) {
                byte[] png = school.as(reader, "lab-service").get("/api/v1/lab/submissions/" + submissionId + "/screenshot")
                        .then().statusCode(200).contentType("image/png").extract().asByteArray();
                assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
            }
        }
    }

    @Test
    void shouldGiveAnEndlessPageTheTimeLimitAndGradeTheNextOne() {
        School.Person student = enrolledStudent("Lou Loop");
        String endless = submitFiles(student, Map.of("index.html", "<h1>Counter</h1><script>while (true) {}</script>"));
        school.awaitGraded(student, endless).then().body("status", equalTo("GRADED"))
                .body("verdict", equalTo("TIME_LIMIT_EXCEEDED")).body("tests[0].verdict", equalTo("TIME_LIMIT_EXCEEDED"));
        String fine = submitFiles(student, Map.of("index.html", "<h1>Counter</h1>"));
        school.awaitGraded(student, fine).then().body("status", equalTo("GRADED"))
                .body("tests[0].verdict", equalTo("ACCEPTED"));
    }
}
