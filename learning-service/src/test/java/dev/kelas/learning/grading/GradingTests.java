package dev.kelas.learning.grading;

import static dev.kelas.learning.testing.TestSchool.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kelas.contracts.Role;
import dev.kelas.contracts.Subjects;
import dev.kelas.learning.testing.LearningTestEnvironment;
import dev.kelas.learning.testing.NatsBus;
import dev.kelas.learning.testing.TestSchool;
import dev.kelas.learning.testing.TestSchool.Person;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Grading: rubric totals, grades hidden until released, the audit trail, the weighted gradebook and its
 * finalization lock, and who may see what.
 */
@QuarkusTest
@WithTestResource(LearningTestEnvironment.class)
class GradingTests {
    TestSchool school;
    Person teacher;
    Person student;
    Person classmate;
    String classId;

    @BeforeEach
    void setUp() {
        school = TestSchool.create();
        school.createTerm("2026/2027", 1, true);
        TestSchool.Classroom classroom = school.classroom("Greta Grader", "Grading", "Ann Able", "Bo Best");
        teacher = classroom.teacher();
        student = classroom.students().get(0);
        classmate = classroom.students().get(1);
        classId = classroom.classId();
    }

    @Test
    void shouldTotalTheChosenRubricLevels() {
        Map<String, Object> rubric = Map.of("points", 10, "rubric", List.of(
                Map.of("title", "Argument", "levels", List.of(Map.of("title", "Weak", "points", 1),
                        Map.of("title", "Sound", "points", 4), Map.of("title", "Compelling", "points", 6))),
                Map.of("title", "Sources", "levels", List.of(Map.of("title", "None", "points", 0),
                        Map.of("title", "Some", "points", 2.5), Map.of("title", "Thorough", "points", 4)))));
        String essay = school.createAssignment(teacher, classId, rubric);
        Map<String, Object> read = as(student).get("/api/v1/assignments/" + essay).then().statusCode(200)
                .body("rubric", hasSize(2)).body("rubric[1].levels.points", equalTo(List.of(0.0f, 2.5f, 4.0f)))
                .extract().path("");
        List<Map<String, Object>> criteria = cast(read.get("rubric"));
        String argument = (String) criteria.get(0).get("id");
        String sources = (String) criteria.get(1).get("id");
        String sound = levelId(criteria.get(0), "Sound");
        String some = levelId(criteria.get(1), "Some");

        // Sound (4) + Some (2.5) = 6.5 of 10.
        as(teacher).body(Map.of("rubric", List.of(Map.of("criterionId", argument, "levelId", sound),
                        Map.of("criterionId", sources, "levelId", some)), "feedback", "Cite more"))
                .put("/api/v1/assignments/" + essay + "/grades/" + student.sid()).then().statusCode(200)
                .body("rawScore", equalTo(6.5f)).body("score", equalTo(6.5f)).body("rubric", hasSize(2))
                .body("rubric.find { it.criterionId == '%s' }.points".formatted(sources), equalTo(2.5f));

        // A level of another criterion, and a criterion left out, are refused with each problem listed.
        as(teacher).body(Map.of("rubric", List.of(Map.of("criterionId", argument, "levelId", some)), "reason", "x"))
                .put("/api/v1/assignments/" + essay + "/grades/" + classmate.sid()).then().statusCode(422)
                .body("errors.field", containsInAnyOrder("rubric[0].levelId", "rubric"));
        as(teacher).body(Map.of("points", 3, "rubric", List.of())).put("/api/v1/assignments/" + essay + "/grades/" + classmate.sid())
                .then().statusCode(422).body("errors[0].field", equalTo("points"));
        as(teacher).body(Map.of("points", 11)).put("/api/v1/assignments/" + essay + "/grades/" + classmate.sid())
                .then().statusCode(422).body("errors[0].field", equalTo("points"));
        // A rubric whose best levels do not add up to the points is refused at creation.
        as(teacher).body(Map.of("title", "Off", "kind", "ESSAY", "points", 12, "dueAt", Instant.now().toString(),
                        "rubric", rubric.get("rubric")))
                .post("/api/v1/classes/" + classId + "/assignments").then().statusCode(422)
                .body("errors[0].field", equalTo("rubric")).body("errors[0].message", containsString("add up to 10"));
    }

    @Test
    void shouldHideGradesFromStudentsUntilReleased() {
        String essay = school.createAssignment(teacher, classId, Map.of("title", "Hidden essay", "points", 20));
        as(teacher).body(Map.of("points", 17, "feedback", "Well argued")).put("/api/v1/assignments/" + essay + "/grades/" + student.sid())
                .then().statusCode(200);

        as(student).get("/api/v1/students/" + student.sid() + "/grades?classId=" + classId).then().statusCode(200)
                .body("find { it.assignmentId == '%s' }.status".formatted(essay), equalTo("PENDING"))
                .body("find { it.assignmentId == '%s' }.released".formatted(essay), equalTo(false))
                .body("find { it.assignmentId == '%s' }".formatted(essay), not(hasKey("score")))
                .body("find { it.assignmentId == '%s' }".formatted(essay), not(hasKey("feedback")));
        as(student).get("/api/v1/classes/" + classId + "/gradebook").then().statusCode(403);
        as(classmate).get("/api/v1/students/" + student.sid() + "/grades").then().statusCode(403);
        as(teacher).get("/api/v1/students/" + student.sid() + "/grades?classId=" + classId).then()
                .body("find { it.assignmentId == '%s' }.score".formatted(essay), equalTo(17.0f));

        as(teacher).post("/api/v1/assignments/" + essay + "/release").then().statusCode(200).body("gradesReleasedAt", notNullValue());
        as(student).get("/api/v1/students/" + student.sid() + "/grades?classId=" + classId).then()
                .body("find { it.assignmentId == '%s' }.status".formatted(essay), equalTo("GRADED"))
                .body("find { it.assignmentId == '%s' }.score".formatted(essay), equalTo(17.0f))
                .body("find { it.assignmentId == '%s' }.feedback".formatted(essay), equalTo("Well argued"));
        NatsBus.get().awaitEvent(Subjects.LEARNING_GRADE_RELEASED,
                d -> d.path("assignmentId").asText().equals(essay) && d.path("studentId").asText().equals(student.sid()));
        // Before the release nothing about the grade went out; after it, a change is announced.
        assertTrue(NatsBus.get().all(Subjects.LEARNING_GRADE_RECORDED, d -> d.path("assignmentId").asText().equals(essay)).isEmpty());
        as(teacher).body(Map.of("points", 18, "reason", "Recounted")).put("/api/v1/assignments/" + essay + "/grades/" + student.sid())
                .then().statusCode(200);
        NatsBus.get().awaitEvent(Subjects.LEARNING_GRADE_RECORDED,
                d -> d.path("assignmentId").asText().equals(essay) && d.path("score").decimalValue().intValue() == 18);
    }

    @Test
    void shouldKeepAnAuditTrailOfEveryGradeChange() {
        String essay = school.createAssignment(teacher, classId, Map.of("points", 10));
        String url = "/api/v1/assignments/" + essay + "/grades/" + student.sid();
        as(teacher).body(Map.of("points", 6)).put(url).then().statusCode(200);
        as(teacher).body(Map.of("points", 7.5)).put(url).then().statusCode(422).body("errors[0].field", equalTo("reason"));
        as(teacher).body(Map.of("points", 7.5, "reason", "Missed a page")).put(url).then().statusCode(200);
        as(teacher).body(Map.of("excused", true, "reason", "Medical note")).put(url).then().statusCode(200)
                .body("excused", equalTo(true)).body("score", equalTo(0.0f));
        as(teacher).body(Map.of("excused", true, "feedback", "Get well")).put(url).then().statusCode(200);

        as(teacher).get(url + "/history").then().statusCode(200).body("", hasSize(3))
                .body("oldScore", equalTo(java.util.Arrays.asList(null, 6.0f, 7.5f)))
                .body("newScore", equalTo(List.of(6.0f, 7.5f, 0.0f)))
                .body("newExcused", equalTo(List.of(false, false, true)))
                .body("reason", equalTo(List.of("Graded", "Missed a page", "Medical note")))
                .body("changedBy", equalTo(List.of(teacher.sid(), teacher.sid(), teacher.sid())))
                .body("source", equalTo(List.of("TEACHER", "TEACHER", "TEACHER")))
                .body("[0].changedAt", notNullValue());
        as(student).get(url + "/history").then().statusCode(403);

        // The trail is append-only in the database as well.
        try (Connection db = DriverManager.getConnection(LearningTestEnvironment.jdbcUrl()); Statement sql = db.createStatement()) {
            sql.executeUpdate("update grade_change set reason = 'tampered' where assignment_id = '" + essay + "'");
            throw new AssertionError("the audit trail accepted an update");
        } catch (java.sql.SQLException expected) {
            assertTrue(expected.getMessage().contains("audit trail"), expected.getMessage());
        }
    }

    @Test
    void shouldComputeTheWeightedFinalGradeAndLockItWhenFinalized() {
        String subject = school.createSubject("SCI");
        String homework = school.addComponent(subject, "Homework");
        String exams = school.addComponent(subject, "Exams");
        as(teacher).body(Map.of("method", "WEIGHTED", "components", List.of(
                        Map.of("componentId", homework, "weight", 40, "dropLowest", 1),
                        Map.of("componentId", exams, "weight", 50))))
                .put("/api/v1/classes/" + classId + "/subjects/" + subject + "/grading").then()
                .statusCode(422).body("errors[0].field", equalTo("components")).body("errors[0].message", containsString("90"));
        as(teacher).body(Map.of("method", "WEIGHTED", "components", List.of(
                        Map.of("componentId", homework, "weight", 40, "dropLowest", 1),
                        Map.of("componentId", exams, "weight", 60))))
                .put("/api/v1/classes/" + classId + "/subjects/" + subject + "/grading").then().statusCode(200)
                .body("method", equalTo("WEIGHTED")).body("components.name", equalTo(List.of("Homework", "Exams")));

        TestSchool.enrolledSince(classId, Instant.now().minus(Duration.ofDays(30)));
        String past = Instant.now().minus(Duration.ofDays(2)).toString();
        String h1 = assignment(subject, homework, 10, past);
        String h2 = assignment(subject, homework, 10, past);
        String h3 = assignment(subject, homework, 10, past);
        String e1 = assignment(subject, exams, 50, past);
        String e2 = assignment(subject, exams, 50, Instant.now().plus(Duration.ofDays(30)).toString());
        grade(h1, student, Map.of("points", 8)).then().statusCode(200);
        grade(h3, student, Map.of("excused", true)).then().statusCode(200);
        grade(e1, student, Map.of("points", 45)).then().statusCode(200);
        // h2 is missing after its due date (0 %, then dropped as the lowest homework), h3 excused, e2 not due:
        // homework = 80, exams = 90, final = (40 * 80 + 60 * 90) / 100 = 86.
        as(teacher).get("/api/v1/classes/" + classId + "/gradebook").then().statusCode(200)
                .body("subjects[0].code", equalTo("SCI")).body("subjects[0].method", equalTo("WEIGHTED"))
                .body(row(student) + ".grades.%s.status".formatted(h2), equalTo("MISSING"))
                .body(row(student) + ".grades.%s.status".formatted(h3), equalTo("EXCUSED"))
                .body(row(student) + ".grades.%s.status".formatted(e2), equalTo("PENDING"))
                .body(row(student) + ".subjects[0].components.%s".formatted(homework), equalTo(80.0f))
                .body(row(student) + ".subjects[0].components.%s".formatted(exams), equalTo(90.0f))
                .body(row(student) + ".subjects[0].dropped", equalTo(List.of(h2)))
                .body(row(student) + ".subjects[0].finalGrade", equalTo(86.0f))
                .body(row(student) + ".totalScore", equalTo(53.0f));

        as(teacher).post("/api/v1/classes/" + classId + "/subjects/" + subject + "/grading/finalize").then().statusCode(200)
                .body("finalizedAt", notNullValue()).body("finalizedBy", equalTo(teacher.sid()));
        // Locked: grades, the configuration, new or published work in the subject.
        grade(h1, student, Map.of("points", 10, "reason", "Too late")).then().statusCode(409).body("code", equalTo("CONFLICT"));
        grade(h2, classmate, Map.of("points", 5)).then().statusCode(409);
        as(teacher).body(Map.of("method", "AVERAGE", "components", List.of()))
                .put("/api/v1/classes/" + classId + "/subjects/" + subject + "/grading").then().statusCode(409);
        as(teacher).body(Map.of("title", "Late addition", "kind", "ESSAY", "points", 5, "dueAt", Instant.now().toString(),
                "subjectId", subject, "componentId", homework)).post("/api/v1/classes/" + classId + "/assignments").then().statusCode(409);
        as(teacher).get("/api/v1/assignments/" + h1 + "/grades/" + student.sid() + "/history").then().body("", hasSize(1));
        // Finalizing released every grade of the subject, and work still missing now counts as 0: the exam not yet
        // due becomes MISSING, exams = (90 + 0) / 2 = 45, final = (40 * 80 + 60 * 45) / 100 = 59.
        as(student).get("/api/v1/students/" + student.sid() + "/grades?classId=" + classId).then()
                .body("find { it.assignmentId == '%s' }.score".formatted(e1), equalTo(45.0f))
                .body("find { it.assignmentId == '%s' }.status".formatted(e2), equalTo("MISSING"));
        as(student).get("/api/v1/students/" + student.sid() + "/report-card").then().statusCode(200)
                .body("lines", hasSize(1)).body("lines[0].subjectCode", equalTo("SCI"))
                .body("lines[0].finalGrade", equalTo(59.0f)).body("lines[0].finalizedAt", notNullValue())
                .body("lines[0].components.percent", equalTo(List.of(80.0f, 45.0f)));

        as(teacher).get("/api/v1/classes/" + classId + "/grade-report").then().statusCode(200)
                .body("subjects[0].students", equalTo(2)).body("subjects[0].graded", equalTo(2))
                .body("subjects[0].max", equalTo(59.0f)).body("subjects[0].min", equalTo(0.0f))
                .body("assignments.find { it.assignmentId == '%s' }.missing".formatted(h2), equalTo(2));
        String csv = as(teacher).get("/api/v1/classes/" + classId + "/gradebook.csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals(3, lines.length, csv);
        assertTrue(lines[0].startsWith("student_id,name,email,enrollment_status,"), lines[0]);
        assertTrue(lines[0].endsWith(",SCI Homework %,SCI Exams %,SCI final,total_score,total_max"), lines[0]);
        String annLine = lines[1].startsWith(student.sid()) ? lines[1] : lines[2];
        assertTrue(annLine.contains(",ACTIVE,8.00,MISSING,EXCUSED,45.00,MISSING,80.00,45.00,59.00,53.00,130.00"), annLine);
    }

    @Test
    void shouldShowTheGradebookOnlyToTheClassTeachersAndAdmins() {
        school.createAssignment(teacher, classId, Map.of());
        as(teacher).get("/api/v1/classes/" + classId + "/gradebook").then().statusCode(200).body("rows", hasSize(2));
        as(school.admin).get("/api/v1/classes/" + classId + "/gradebook").then().statusCode(200);
        as(student).get("/api/v1/classes/" + classId + "/gradebook").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        as(student).get("/api/v1/classes/" + classId + "/gradebook.csv").then().statusCode(403);
        as(school.user(Role.TEACHER, "Ned Notmine")).get("/api/v1/classes/" + classId + "/grade-report").then().statusCode(403);
        TestSchool other = TestSchool.create();
        as(other.admin).get("/api/v1/classes/" + classId + "/gradebook").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        as(other.admin).get("/api/v1/students/" + student.sid() + "/report-card").then().statusCode(404);
        as(other.admin).get("/api/v1/students/" + student.sid() + "/grades").then().statusCode(404);
        as(classmate).get("/api/v1/students/" + student.sid() + "/report-card").then().statusCode(403);
    }

    @Test
    void shouldNotLetANameRunAsAFormulaInTheCsv() {
        Person sneaky = school.user(Role.STUDENT, "=HYPERLINK(\"http://evil\")");
        school.enroll(teacher, classId, sneaky);
        String csv = as(teacher).get("/api/v1/classes/" + classId + "/gradebook.csv").then().statusCode(200).extract().asString();
        assertTrue(csv.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""), csv);
    }

    private String assignment(String subject, String component, int points, String dueAt) {
        return school.createAssignment(teacher, classId, Map.of("points", points, "dueAt", dueAt, "subjectId", subject,
                "componentId", component));
    }

    private io.restassured.response.Response grade(String assignment, Person who, Map<String, Object> body) {
        return as(teacher).body(body).put("/api/v1/assignments/" + assignment + "/grades/" + who.sid());
    }

    private static String row(Person who) {
        return "rows.find { it.studentId == '%s' }".formatted(who.sid());
    }

    private static String levelId(Map<String, Object> criterion, String title) {
        List<Map<String, Object>> levels = cast(criterion.get("levels"));
        return (String) levels.stream().filter(l -> title.equals(l.get("title"))).findFirst().orElseThrow().get("id");
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
