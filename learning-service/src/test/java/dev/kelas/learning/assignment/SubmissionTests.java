package dev.kelas.learning.assignment;

import static dev.kelas.learning.testing.TestSchool.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kelas.contracts.Role;
import dev.kelas.contracts.Subjects;
import dev.kelas.learning.testing.LearningTestEnvironment;
import dev.kelas.learning.testing.NatsBus;
import dev.kelas.learning.testing.TestSchool;
import dev.kelas.learning.testing.TestSchool.Person;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hand-ins within the assignment's rules: late policy and its penalty, attempt limits, kinds, files. */
@QuarkusTest
@WithTestResource(LearningTestEnvironment.class)
class SubmissionTests {
    TestSchool school;
    Person teacher;
    Person student;
    Person classmate;
    String classId;

    @BeforeEach
    void setUp() {
        school = TestSchool.create();
        TestSchool.Classroom classroom = school.classroom("Tia Rules", "Rules", "Lia Late", "Cal Classmate");
        teacher = classroom.teacher();
        student = classroom.students().get(0);
        classmate = classroom.students().get(1);
        classId = classroom.classId();
    }

    @Test
    void shouldTakeLateWorkWithItsPenaltyPerStartedDayAndApplyItToTheGrade() {
        // Due 25 hours ago: 2 started days late at 15 % per day = 30 %; a cut-off a day ahead still takes it.
        String essay = school.createAssignment(teacher, classId, Map.of("points", 10,
                "dueAt", Instant.now().minus(Duration.ofHours(25)).toString(), "latePolicy", "PENALTY",
                "latePenaltyPercent", 15, "lateCutoffAt", Instant.now().plus(Duration.ofDays(1)).toString()));
        as(student).body(Map.of("text", "My late essay")).post("/api/v1/assignments/" + essay + "/submissions").then()
                .statusCode(201).body("attempt", equalTo(1)).body("lateDays", equalTo(2))
                .body("latePenaltyPercent", equalTo(30.0f));
        NatsBus.get().awaitEvent(Subjects.LEARNING_SUBMISSION_RECEIVED,
                d -> d.path("assignmentId").asText().equals(essay) && d.path("late").asBoolean());

        // 8 raw points less 30 % = 5.60 points.
        as(teacher).body(Map.of("points", 8)).put("/api/v1/assignments/" + essay + "/grades/" + student.sid()).then()
                .statusCode(200).body("rawScore", equalTo(8.0f)).body("latePenaltyPercent", equalTo(30.0f))
                .body("score", equalTo(5.6f));
        as(teacher).get("/api/v1/classes/" + classId + "/gradebook").then()
                .body("rows.find { it.studentId == '%s' }.scores.%s".formatted(student.sid(), essay), equalTo(5.6f))
                .body("rows.find { it.studentId == '%s' }.grades.%s.rawScore".formatted(student.sid(), essay), equalTo(8.0f));
    }

    @Test
    void shouldRefuseLateWorkUnderRefuseAndAfterTheCutOff() {
        String refusing = school.createAssignment(teacher, classId, Map.of("latePolicy", "REFUSE",
                "dueAt", Instant.now().minus(Duration.ofMinutes(1)).toString()));
        as(student).body(Map.of("text", "x")).post("/api/v1/assignments/" + refusing + "/submissions").then()
                .statusCode(409).body("code", equalTo("CONFLICT")).body("detail", containsString("takes no late work"));
        String cutOff = school.createAssignment(teacher, classId, Map.of("latePolicy", "PENALTY", "latePenaltyPercent", 10,
                "dueAt", Instant.now().minus(Duration.ofDays(3)).toString(),
                "lateCutoffAt", Instant.now().minus(Duration.ofDays(1)).toString()));
        as(student).body(Map.of("text", "x")).post("/api/v1/assignments/" + cutOff + "/submissions").then()
                .statusCode(409).body("detail", containsString("took late work until"));
        assertEquals(0, TestSchool.count("select count(*) from submission where student_id = ?", student.id()));

        as(teacher).body(Map.of("title", "Bad", "kind", "ESSAY", "points", 5, "dueAt", Instant.now().toString(),
                        "latePolicy", "REFUSE", "lateCutoffAt", Instant.now().plus(Duration.ofDays(1)).toString()))
                .post("/api/v1/classes/" + classId + "/assignments").then().statusCode(422)
                .body("errors[0].field", equalTo("lateCutoffAt"));
    }

    @Test
    void shouldCountAttemptsAndRefuseTheOneTooMany() {
        String link = school.createAssignment(teacher, classId, Map.of("kind", "LINK", "maxAttempts", 2));
        as(student).body(Map.of("url", "https://example.org/mine")).post("/api/v1/assignments/" + link + "/submissions")
                .then().statusCode(201).body("attempt", equalTo(1)).body("lateDays", equalTo(0));
        as(student).body(Map.of("url", "http://example.org/better")).post("/api/v1/assignments/" + link + "/submissions")
                .then().statusCode(201).body("attempt", equalTo(2));
        as(student).body(Map.of("url", "https://example.org/third")).post("/api/v1/assignments/" + link + "/submissions")
                .then().statusCode(409).body("detail", containsString("2 attempts"));
        // The classmate's attempts are their own.
        as(classmate).body(Map.of("url", "https://example.org/cal")).post("/api/v1/assignments/" + link + "/submissions")
                .then().statusCode(201).body("attempt", equalTo(1));
        as(student).get("/api/v1/assignments/" + link + "/submissions").then().statusCode(200).body("", hasSize(2))
                .body("url", equalTo(List.of("http://example.org/better", "https://example.org/mine")));
        as(teacher).get("/api/v1/assignments/" + link + "/submissions").then().body("", hasSize(3));

        as(student).body(Map.of("url", "javascript:alert(1)")).post("/api/v1/assignments/" + link + "/submissions")
                .then().statusCode(422).body("errors[0].field", equalTo("url"));
        String essay = school.createAssignment(teacher, classId, Map.of("kind", "ESSAY"));
        as(student).body(Map.of("url", "https://example.org")).post("/api/v1/assignments/" + essay + "/submissions")
                .then().statusCode(422).body("errors[0].field", equalTo("text"));
        String coding = school.createAssignment(teacher, classId, Map.of("kind", "CODING"));
        as(student).body(Map.of("text", "print(1)")).post("/api/v1/assignments/" + coding + "/submissions")
                .then().statusCode(422).body("errors[0].field", equalTo("kind"));
        String draft = school.createAssignment(teacher, classId, Map.of("status", "DRAFT"));
        as(student).body(Map.of("text", "x")).post("/api/v1/assignments/" + draft + "/submissions").then().statusCode(404);
        as(student).get("/api/v1/classes/" + classId + "/assignments").then().body("id", org.hamcrest.Matchers.not(
                org.hamcrest.Matchers.hasItem(draft)));
    }

    @Test
    void shouldStoreAFileWithItsChecksumAndServeItOnlyToItsStudentAndTeachers() throws Exception {
        String upload = school.createAssignment(teacher, classId, Map.of("kind", "FILE"));
        byte[] pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));

        String submissionId = file(student, upload, "../../etc/report.pdf", "application/pdf", pdf).then()
                .statusCode(201).body("file.sha256", equalTo(sha256)).body("file.sizeBytes", equalTo(pdf.length))
                .body("file.fileName", equalTo("report.pdf")).body("file.contentType", equalTo("application/pdf"))
                .extract().path("id");

        byte[] downloaded = as(teacher).get("/api/v1/submissions/" + submissionId + "/file").then().statusCode(200)
                .header("Content-Type", "application/pdf").header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", containsString("attachment")).extract().asByteArray();
        assertArrayEquals(pdf, downloaded);
        as(student).get("/api/v1/submissions/" + submissionId + "/file").then().statusCode(200);
        // Nobody outside: not a classmate, not another teacher, not another school.
        as(classmate).get("/api/v1/submissions/" + submissionId + "/file").then().statusCode(404);
        as(classmate).get("/api/v1/submissions/" + submissionId).then().statusCode(404);
        as(school.user(Role.TEACHER, "Nia Notmine")).get("/api/v1/submissions/" + submissionId + "/file").then().statusCode(404);
        as(TestSchool.create().admin).get("/api/v1/submissions/" + submissionId + "/file").then().statusCode(404);
        assertEquals(1, TestSchool.count("select count(*) from stored_file where sha256 = ? and tenant_id = ?", sha256, school.tenantId));
    }

    @Test
    void shouldRefuseFilesThatAreTooLargeOfAnotherTypeOrNotWhatTheySay() {
        String upload = school.createAssignment(teacher, classId, Map.of("kind", "FILE"));
        file(student, upload, "big.txt", "text/plain", "a".repeat(LearningTestEnvironment.MAX_FILE_BYTES + 1).getBytes())
                .then().statusCode(422).body("errors[0].field", equalTo("file")).body("errors[0].message", containsString("larger"));
        file(student, upload, "run.sh", "application/x-sh", "#!/bin/sh\n".getBytes()).then()
                .statusCode(422).body("errors[0].message", containsString("not accepted"));
        file(student, upload, "fake.png", "image/png", "<html>not a picture</html>".getBytes()).then()
                .statusCode(422).body("errors[0].message", containsString("not a image/png file"));
        file(student, upload, "notes.txt", "text/plain; charset=utf-8", "fine notes".getBytes()).then().statusCode(201);
        assertEquals(1, TestSchool.count("select count(*) from stored_file where created_by = ?", student.id()));
        String essay = school.createAssignment(teacher, classId, Map.of("kind", "ESSAY"));
        file(student, essay, "notes.txt", "text/plain", "notes".getBytes()).then().statusCode(422)
                .body("errors[0].field", equalTo("kind"));
        given().header("Authorization", "Bearer " + student.token()).multiPart("other", "x")
                .post("/api/v1/assignments/" + upload + "/submissions").then().statusCode(422)
                .body("errors[0].field", equalTo("file"));
        assertEquals(0, TestSchool.count("select count(*) from submission where assignment_id = ? and attempt > 1",
                UUID.fromString(upload)));
    }

    private static Response file(Person who, String assignmentId, String name, String type, byte[] content) {
        return given().header("Authorization", "Bearer " + who.token())
                .multiPart("file", name, content, type)
                .post("/api/v1/assignments/" + assignmentId + "/submissions");
    }
}
