package dev.kelas.lab.task;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.AssignmentPublished;
import dev.kelas.lab.grading.LiveProgress;
import dev.kelas.lab.testing.LabTestEnvironment;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The WEB lab through lab-service's API: a teacher's task of JavaScript checks, a student's HTML, CSS and
 * JavaScript files graded by the real grader (our harness, Debian's node and headless chromium inside real
 * bubblewrap), per-check live progress on core NATS before the verdict, and the stored screenshot.
 */
@QuarkusTest
@QuarkusTestResource(value = LabTestEnvironment.class, restrictToAnnotatedClass = true)
class WebTaskTests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> PAGE = Map.of(
            "index.html", "<!doctype html><html><head><link rel=stylesheet href=style.css></head>"
                    + "<body><h1 id=title>Hello</h1><button id=b>0</button><script src=app.js></script></body></html>",
            "style.css", "#title { color: rgb(255, 0, 0); }",
            "app.js", "document.getElementById('b').addEventListener('click', e => e.target.textContent = '1');");

    private final UUID tenantId = UUID.randomUUID();
    private final UUID teacherId = UUID.randomUUID();
    private final UUID classId = UUID.randomUUID();

    private RequestSpecification as(UUID userId, String role) {
        return given().contentType(ContentType.JSON).auth().oauth2(LabTestEnvironment.tokens().token(userId, tenantId, role));
    }

    private UUID publishedAssignment() {
        UUID assignmentId = UUID.randomUUID();
        LabTestEnvironment.events().publish(Subjects.LEARNING_ASSIGNMENT_PUBLISHED, tenantId, assignmentId.toString(),
                new AssignmentPublished(assignmentId, classId, teacherId, "Page", "CODING", BigDecimal.TEN,
                        Instant.now().plus(Duration.ofDays(7)), Instant.now(), null));
        return assignmentId;
    }

    private Map<String, Object> webTask(UUID assignmentId, List<Map<String, Object>> tests) {
        return Map.of("title", "A red title", "language", "web", "statement", "Make the title red; the button counts.",
                "assignmentId", assignmentId, "classId", classId,
                "limits", Map.of("cpuSeconds", 2, "wallSeconds", 3, "memoryMib", 128), "tests", tests);
    }

    /** Three checks: a visible DOM one, a hidden computed-style one, and a visible one this page fails. */
    private String publishedWebTask() {
        List<Map<String, Object>> checks = List.of(
                Map.of("script", "assert(document.getElementById('title').textContent === 'Hello', 'no Hello')", "hidden", false, "points", 2),
                Map.of("script", "assert(getComputedStyle(document.getElementById('title')).color === 'rgb(255, 0, 0)')", "hidden", true, "points", 3),
                Map.of("script", "const b = document.getElementById('b'); b.click(); b.click();"
                        + " assert(b.textContent === '2', 'after two clicks the button says ' + b.textContent)", "hidden", false, "points", 5));
        return LabTestEnvironment.createTask(() -> as(teacherId, "TEACHER"), webTask(publishedAssignment(), checks));
    }

    private UUID enrolledStudent() {
        UUID studentId = UUID.randomUUID();
        LabTestEnvironment.enroll(tenantId, classId, studentId, teacherId);
        return studentId;
    }

    private Response submitFiles(UUID studentId, String taskId, Map<String, String> files) {
        return as(studentId, "STUDENT").pathParam("id", taskId).body(Map.of("language", "web", "files", files))
                .post("/api/v1/lab/tasks/{id}/submissions");
    }

    private String submitOnceEnrolled(UUID studentId, String taskId) {
        String[] id = new String[1];
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Response response = submitFiles(studentId, taskId, PAGE);
            id[0] = response.statusCode() == 202 ? response.path("id") : null;
            return id[0] != null;
        });
        return id[0];
    }

    private Response graded(UUID studentId, String submissionId) {
        Response[] graded = new Response[1];
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            graded[0] = as(studentId, "STUDENT").pathParam("id", submissionId).get("/api/v1/lab/submissions/{id}");
            String status = graded[0].statusCode() == 200 ? graded[0].path("status") : null;
            return "GRADED".equals(status) || "FAILED".equals(status);
        });
        return graded[0];
    }

    @Test
    void shouldGradeAWebSubmissionCheckByCheckWithProgressAndAScreenshot() throws Exception {
        String taskId = publishedWebTask();
        UUID studentId = enrolledStudent();
        // the enrollment reaches lab-service as an event: until then the task is not the student's (404)
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() ->
                as(studentId, "STUDENT").pathParam("id", taskId).get("/api/v1/lab/tasks/{id}").statusCode() == 200);
        as(studentId, "STUDENT").pathParam("id", taskId).get("/api/v1/lab/tasks/{id}").then().statusCode(200)
                .body("languages", equalTo(List.of("web"))).body("hiddenTestCount", equalTo(1))
                .body("visibleTests[0].script", equalTo("assert(document.getElementById('title').textContent === 'Hello', 'no Hello')"))
                .body("visibleTests[0].stdin", nullValue()).body("visibleTests.script", org.hamcrest.Matchers.not(hasItem(
                        "assert(getComputedStyle(document.getElementById('title')).color === 'rgb(255, 0, 0)')")));

        BlockingQueue<JsonNode> live = new LinkedBlockingQueue<>();
        String submissionId;
        try (Connection nats = Nats.connect(LabTestEnvironment.natsUrl())) {
            nats.createDispatcher(message -> {
                try {
                    live.add(JSON.readTree(new String(message.getData(), StandardCharsets.UTF_8)));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).subscribe(Subjects.live(tenantId, studentId));
            nats.flush(Duration.ofSeconds(5));
            submissionId = submitOnceEnrolled(studentId, taskId);
            List<String> verdicts = new ArrayList<>();
            while (verdicts.size() < 3) {
                JsonNode message = live.poll(90, TimeUnit.SECONDS);
                assertNotNull(message, "a progress event per check arrives");
                if (LiveProgress.TYPE.equals(message.path("type").asText())
                        && submissionId.equals(message.path("data").path("submissionId").asText())) {
                    assertEquals(verdicts.size() + 1, message.path("data").path("ordinal").asInt(), "checks arrive in order");
                    assertEquals(3, message.path("data").path("total").asInt());
                    verdicts.add(message.path("data").path("verdict").asText());
                }
            }
            assertEquals(List.of("ACCEPTED", "ACCEPTED", "WRONG_ANSWER"), verdicts);
        }

        graded(studentId, submissionId).then().statusCode(200).body("status", equalTo("GRADED"))
                .body("language", equalTo("web")).body("verdict", equalTo("WRONG_ANSWER"))
                .body("score", equalTo(5.0f)).body("maxScore", equalTo(10.0f))
                .body("tests[1].hidden", equalTo(true)).body("tests[1].stdin", nullValue()).body("tests[1].stdout", nullValue())
                .body("tests[2].stdout", equalTo("after two clicks the button says 1")).body("htmlMessages", nullValue());

        byte[] png = as(studentId, "STUDENT").pathParam("id", submissionId).get("/api/v1/lab/submissions/{id}/screenshot")
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(image, "the screenshot is a PNG");
        assertTrue(image.getWidth() >= 800 && image.getHeight() >= 600, image.getWidth() + "x" + image.getHeight());
        int red = 0;
        for (int x = 0; x < image.getWidth(); x += 2) {
            for (int y = 0; y < 120; y += 2) {
                int rgb = image.getRGB(x, y);
                if ((rgb >> 16 & 0xff) > 200 && (rgb >> 8 & 0xff) < 80 && (rgb & 0xff) < 80) {
                    red++;
                }
            }
        }
        assertTrue(red > 20, "the red title is in the screenshot (" + red + " red pixels)");
        as(teacherId, "TEACHER").pathParam("id", submissionId).get("/api/v1/lab/submissions/{id}/screenshot")
                .then().statusCode(200).contentType("image/png");
        as(UUID.randomUUID(), "STUDENT").pathParam("id", submissionId).get("/api/v1/lab/submissions/{id}/screenshot")
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void shouldShowTheNuCheckersMessagesWhenTheTaskValidatesHtml() {
        Map<String, Object> task = new java.util.HashMap<>(webTask(publishedAssignment(), List.of(
                Map.of("script", "assert(document.querySelector('img') !== null)", "hidden", false, "points", 1))));
        task.put("validateHtml", true);
        String taskId = LabTestEnvironment.createTask(() -> as(teacherId, "TEACHER"), task);
        as(teacherId, "TEACHER").pathParam("id", taskId).get("/api/v1/lab/tasks/{id}").then().body("validateHtml", equalTo(true));
        UUID studentId = enrolledStudent();
        String[] id = new String[1];
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Response response = submitFiles(studentId, taskId, Map.of("index.html",
                    "<!doctype html><html lang=en><head><title>Pic</title></head><body>\n<img src=cat.png></body></html>"));
            id[0] = response.statusCode() == 202 ? response.path("id") : null;
            return id[0] != null;
        });
        graded(studentId, id[0]).then().statusCode(200).body("verdict", equalTo("ACCEPTED"))
                .body("htmlMessages.file", hasItem("index.html")).body("htmlMessages.type", hasItem("error"))
                .body("htmlMessages.line", hasItem(2))
                .body("htmlMessages.message", hasItem(org.hamcrest.Matchers.containsString("alt")));
        as(teacherId, "TEACHER").pathParam("id", taskId).body(Map.of("validateHtml", false)).patch("/api/v1/lab/tasks/{id}")
                .then().statusCode(200).body("validateHtml", equalTo(false));
    }

    @Test
    void shouldNotValidateHtmlOfAProgram() {
        UUID assignmentId = publishedAssignment();
        Map<String, Object> task = new java.util.HashMap<>(webTask(assignmentId,
                List.of(Map.of("stdin", "", "expectedStdout", "", "hidden", false, "points", 1))));
        task.put("language", "python");
        task.put("validateHtml", true);
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> as(teacherId, "TEACHER").body(task).post("/api/v1/lab/tasks").statusCode() == 422);
        as(teacherId, "TEACHER").body(task).post("/api/v1/lab/tasks").then().statusCode(422)
                .body("errors.field", hasItem("validateHtml"));
    }

    @Test
    void shouldRefuseBadFilesWithoutWritingASubmission() {
        String taskId = publishedWebTask();
        UUID studentId = enrolledStudent();
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> submitFiles(studentId, taskId, Map.of("page.html", "<p>x</p>")).statusCode() == 422);
        submitFiles(studentId, taskId, Map.of("page.html", "<p>x</p>")).then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("VALIDATION_ERROR"))
                .body("errors.field", hasItem("files"));
        submitFiles(studentId, taskId, Map.of("index.html", "<p>x</p>", "../evil.js", "")).then().statusCode(422)
                .body("errors.field", hasItem("files"));
        as(studentId, "STUDENT").pathParam("id", taskId).body(Map.of("language", "python", "sourceCode", "print(1)"))
                .post("/api/v1/lab/tasks/{id}/submissions").then().statusCode(422).body("errors.field", hasItem("language"));
        as(studentId, "STUDENT").pathParam("id", taskId).get("/api/v1/lab/tasks/{id}/submissions").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void shouldRefuseAWebTaskWhoseCheckHasNoScript() {
        UUID assignmentId = publishedAssignment();
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> as(teacherId, "TEACHER")
                .body(webTask(assignmentId, List.of(Map.of("stdin", "", "expectedStdout", "", "hidden", false, "points", 1))))
                .post("/api/v1/lab/tasks").statusCode() == 422);
        as(teacherId, "TEACHER").body(webTask(assignmentId, List.of(Map.of("hidden", false, "points", 1))))
                .post("/api/v1/lab/tasks").then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_ERROR")).body("errors.field", hasItem("tests[0].script"));
    }

    @Test
    void shouldHaveNoScreenshotForAProgram() {
        as(teacherId, "TEACHER").pathParam("id", UUID.randomUUID()).get("/api/v1/lab/submissions/{id}/screenshot")
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("NOT_FOUND"))
                .body("detail", notNullValue());
    }
}
