package dev.kelas.e2e;

import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gradebook with the real lab graders: a CODING assignment scored by its latest attempt, and a student
 * transferred mid-term who goes on handing in code in the new class (lab-service learns of the new
 * enrollment from {@code kelas.learning.enrollment.created}).
 */
class GradebookLabFlowTests {
    private static final String DOUBLE_RIGHT = "print(int(input()) * 2)\n";
    private static final List<Map<String, Object>> DOUBLE_TESTS = List.of(
            Map.of("stdin", "2\n", "expectedStdout", "4\n", "hidden", false, "points", 5),
            Map.of("stdin", "21\n", "expectedStdout", "42\n", "hidden", true, "points", 5));
    private static final Map<String, Object> LIMITS = Map.of("cpuSeconds", 1, "wallSeconds", 2, "memoryMib", 256);

    static School school;
    static School.Person teacher;

    @BeforeAll
    static void setUpSchool() {
        school = School.register(KelasSystem.get(), "Gradebook School");
        teacher = school.createUser("TEACHER", "Gina Gradebook");
    }

    @Test
    void shouldScoreACodingAssignmentByItsLatestAttempt() {
        School.Person student = school.createUser("STUDENT", "Lars Latest");
        String classId = school.createClass(teacher, "Latest attempts");
        school.enroll(teacher, classId, student);
        String assignment = school.as(teacher, "learning-service").body(Map.of("title", "Doubling", "kind", "CODING",
                        "points", 10, "dueAt", Instant.now().plus(Duration.ofDays(7)).toString(), "codingScorePolicy", "LATEST"))
                .post("/api/v1/classes/" + classId + "/assignments").then().statusCode(201)
                .body("codingScorePolicy", equalTo("LATEST")).extract().path("id");
        String task = school.createPythonTask(teacher, classId, assignment, DOUBLE_TESTS, LIMITS);

        school.awaitGraded(student, school.submit(student, task, DOUBLE_RIGHT));
        awaitScore(classId, student, assignment, 10.0f);
        school.awaitGraded(student, school.submit(student, task, "print(0)\n"));
        awaitScore(classId, student, assignment, 0.0f);

        school.as(teacher, "learning-service").get("/api/v1/assignments/" + assignment + "/grades/" + student.id() + "/history")
                .then().statusCode(200).body("newScore", equalTo(List.of(10.0f, 0.0f)))
                .body("source", equalTo(List.of("LAB", "LAB")));
        // CODING grades are released from the start: the student sees the latest score.
        school.as(student, "learning-service").get("/api/v1/students/" + student.id() + "/grades?classId=" + classId)
                .then().statusCode(200).body("[0].score", equalTo(0.0f)).body("[0].released", equalTo(true));
    }

    @Test
    void shouldLetATransferredStudentHandInCodeInTheNewClass() {
        School.Person student = school.createUser("STUDENT", "Tara Transfer");
        String from = school.createClass(teacher, "Before the move");
        String to = school.createClass(teacher, "After the move");
        school.enroll(teacher, from, student);
        String enrollment = school.as(teacher, "learning-service").get("/api/v1/classes/" + from + "/enrollments")
                .then().statusCode(200).extract().path("[0].id");
        String assignment = school.publishCodingAssignment(teacher, to, "Doubling after the move", 10);
        String task = school.createPythonTask(teacher, to, assignment, DOUBLE_TESTS, LIMITS);

        school.as(teacher, "learning-service").body(Map.of("toClassId", to, "reason", "Moved to the afternoon group"))
                .post("/api/v1/classes/" + from + "/enrollments/" + enrollment + "/transfer").then().statusCode(201);

        school.awaitGraded(student, school.submit(student, task, DOUBLE_RIGHT));
        awaitScore(to, student, assignment, 10.0f);
        school.as(teacher, "learning-service").get("/api/v1/classes/" + from + "/gradebook").then().statusCode(200)
                .body("rows.find { it.studentId == '%s' }.enrollmentStatus".formatted(student.id()), equalTo("TRANSFERRED"));
    }

    @Test
    void shouldCloseTheOldClassesLabTasksToAWithdrawnOrTransferredStudent() {
        School.Person leaver = school.createUser("STUDENT", "Wendy Withdrawn");
        School.Person mover = school.createUser("STUDENT", "Max Mover");
        String from = school.createClass(teacher, "Left behind");
        String to = school.createClass(teacher, "Moved on");
        school.enroll(teacher, from, leaver);
        school.enroll(teacher, from, mover);
        String task = school.createPythonTask(teacher, from, school.publishCodingAssignment(teacher, from, "Old task", 10),
                DOUBLE_TESTS, LIMITS);
        String kept = school.submit(leaver, task, DOUBLE_RIGHT); // both may hand in while enrolled
        school.submit(mover, task, DOUBLE_RIGHT);
        List<Map<String, String>> enrollments = school.as(teacher, "learning-service").get("/api/v1/classes/" + from + "/enrollments")
                .then().statusCode(200).extract().path("");
        String leaverEnrollment = enrollments.stream().filter(e -> e.get("studentId").equals(leaver.id())).findFirst().orElseThrow().get("id");
        String moverEnrollment = enrollments.stream().filter(e -> e.get("studentId").equals(mover.id())).findFirst().orElseThrow().get("id");

        school.as(teacher, "learning-service").body(Map.of("reason", "Left the school"))
                .post("/api/v1/classes/" + from + "/enrollments/" + leaverEnrollment + "/withdraw").then().statusCode(200);
        school.as(teacher, "learning-service").body(Map.of("toClassId", to))
                .post("/api/v1/classes/" + from + "/enrollments/" + moverEnrollment + "/transfer").then().statusCode(201);

        for (School.Person gone : List.of(leaver, mover)) {
            Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() ->
                    school.as(gone, "lab-service").body(Map.of("language", "python", "sourceCode", DOUBLE_RIGHT))
                            .post("/api/v1/lab/tasks/" + task + "/submissions").statusCode() == 403);
        }
        // What they handed in before stays theirs to read.
        school.awaitGraded(leaver, kept).then().body("verdict", equalTo("ACCEPTED"));
    }

    private static void awaitScore(String classId, School.Person student, String assignment, float score) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                school.as(teacher, "learning-service").get("/api/v1/classes/" + classId + "/gradebook").then().statusCode(200)
                        .body("rows.find { it.studentId == '%s' }.scores.'%s'".formatted(student.id(), assignment), equalTo(score)));
    }
}
