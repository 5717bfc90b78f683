package dev.kelas.learning.academic;

import static dev.kelas.learning.testing.TestSchool.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.kelas.contracts.Role;
import dev.kelas.learning.testing.LearningTestEnvironment;
import dev.kelas.learning.testing.TestSchool;
import dev.kelas.learning.testing.TestSchool.Person;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Changing and removing what a school sets up: terms, subjects, grade components (If-Match / ETag) and archived classes. */
@QuarkusTest
@WithTestResource(LearningTestEnvironment.class)
class AcademicCrudTests {
    TestSchool school;
    Person admin;

    @BeforeEach
    void setUp() {
        school = TestSchool.create();
        admin = school.admin;
    }

    @Test
    void shouldRenameATermAndRefuseAStaleIfMatch() {
        String active = school.createTerm("2026/2027", 1, true);
        String other = school.createTerm("2026/2027", 2, false);
        String etag = as(admin).get("/api/v1/terms/" + other).then().statusCode(200).header("ETag", notNullValue()).extract().header("ETag");
        as(admin).header("If-Match", etag).body(Map.of("name", "Spring 2027", "endsOn", "2027-06-30"))
                .patch("/api/v1/terms/" + other).then().statusCode(200).body("name", equalTo("Spring 2027"))
                .body("endsOn", equalTo("2027-06-30"));
        as(admin).header("If-Match", etag).body(Map.of("name", "Lost")).patch("/api/v1/terms/" + other).then().statusCode(412)
                .contentType(containsString("application/problem+json")).body("code", equalTo("PRECONDITION_FAILED"));
        as(admin).body(Map.of("endsOn", "2020-01-01")).patch("/api/v1/terms/" + other).then().statusCode(422);

        as(admin).delete("/api/v1/terms/" + active).then().statusCode(409);
        as(admin).delete("/api/v1/terms/" + other).then().statusCode(204);
        as(admin).get("/api/v1/terms/" + other).then().statusCode(404);
    }

    @Test
    void shouldChangeSubjectsAndComponentsAndDeleteOnlyUnusedOnes() {
        school.createTerm("2026/2027", 1, true);
        String math = school.createSubject("MTH");
        String taken = school.createSubject("PHY");
        String quizzes = school.addComponent(math, "Quizzes");
        String etag = as(admin).get("/api/v1/subjects/" + math).then().statusCode(200).extract().header("ETag");
        as(admin).header("If-Match", etag).body(Map.of("name", "Mathematics")).patch("/api/v1/subjects/" + math)
                .then().statusCode(200).body("name", equalTo("Mathematics")).body("code", equalTo("MTH"));
        as(admin).header("If-Match", etag).body(Map.of("name", "Maths")).patch("/api/v1/subjects/" + math).then().statusCode(412);
        as(admin).body(Map.of("code", "PHY")).patch("/api/v1/subjects/" + math).then().statusCode(409);

        String componentTag = as(admin).get("/api/v1/subjects/" + math + "/components/" + quizzes).then().statusCode(200)
                .extract().header("ETag");
        as(admin).header("If-Match", componentTag).body(Map.of("name", "Short quizzes")).patch("/api/v1/subjects/" + math + "/components/" + quizzes)
                .then().statusCode(200).body("name", equalTo("Short quizzes"));
        as(admin).header("If-Match", componentTag).body(Map.of("position", 2)).patch("/api/v1/subjects/" + math + "/components/" + quizzes)
                .then().statusCode(412);

        // An assignment counting toward the component keeps it (and the subject) from being deleted.
        TestSchool.Classroom classroom = school.classroom("Tara Teacher", "Algebra", "Sam Student");
        school.createAssignment(classroom.teacher(), classroom.classId(), Map.of("subjectId", math, "componentId", quizzes));
        as(admin).delete("/api/v1/subjects/" + math + "/components/" + quizzes).then().statusCode(409);
        as(admin).delete("/api/v1/subjects/" + math).then().statusCode(409);
        String unused = school.addComponent(taken, "Labs");
        as(admin).delete("/api/v1/subjects/" + taken + "/components/" + unused).then().statusCode(204);
        as(admin).delete("/api/v1/subjects/" + taken).then().statusCode(204);
        as(admin).get("/api/v1/subjects/" + taken).then().statusCode(404);
    }

    @Test
    void shouldRenameAClassAndArchiveItWithItsHistory() {
        school.createTerm("2026/2027", 1, true);
        TestSchool.Classroom classroom = school.classroom("Omar Owner", "7B", "Ira Inclass");
        Person teacher = classroom.teacher();
        String classId = classroom.classId();
        String etag = as(teacher).get("/api/v1/classes/" + classId).then().statusCode(200).extract().header("ETag");
        as(teacher).header("If-Match", etag).body(Map.of("name", "7B Science", "gradeLevel", 7)).patch("/api/v1/classes/" + classId)
                .then().statusCode(200).body("name", equalTo("7B Science")).body("gradeLevel", equalTo(7));
        as(teacher).header("If-Match", etag).body(Map.of("name", "Lost")).patch("/api/v1/classes/" + classId).then().statusCode(412);
        Person outsider = school.user(Role.TEACHER, "Nia Notmine");
        as(outsider).body(Map.of("name", "Mine")).patch("/api/v1/classes/" + classId).then().statusCode(403);

        String assignment = school.createAssignment(teacher, classId, Map.of("title", "Before archiving"));
        as(teacher).post("/api/v1/classes/" + classId + "/archive").then().statusCode(200).body("archivedAt", notNullValue());
        as(teacher).get("/api/v1/classes/" + classId).then().statusCode(200).body("archivedAt", notNullValue());
        as(teacher).get("/api/v1/assignments/" + assignment).then().statusCode(200);
        as(teacher).body(Map.of("name", "After")).patch("/api/v1/classes/" + classId).then().statusCode(409)
                .body("code", equalTo("CLASS_ARCHIVED"));
        as(teacher).body(Map.of("title", "After", "kind", "ESSAY", "points", 5, "dueAt", "2027-01-01T10:00:00Z"))
                .post("/api/v1/classes/" + classId + "/assignments").then().statusCode(409).body("code", equalTo("CLASS_ARCHIVED"));
    }

    @Test
    void shouldHandATeachingAssignmentToAnotherTeacher() {
        school.createTerm("2026/2027", 1, true);
        String subject = school.createSubject("BIO");
        TestSchool.Classroom classroom = school.classroom("Hana Homeroom", "8A", "Eko Eight");
        Person first = school.user(Role.TEACHER, "Fina First");
        Person second = school.user(Role.TEACHER, "Gani Second");
        String classId = classroom.classId();
        String teaching = as(admin).body(Map.of("subjectId", subject, "teacherId", first.sid()))
                .post("/api/v1/classes/" + classId + "/teachers").then().statusCode(201).extract().path("id");
        String etag = as(admin).get("/api/v1/classes/" + classId + "/teachers/" + teaching).then().statusCode(200)
                .extract().header("ETag");
        as(admin).header("If-Match", etag).body(Map.of("teacherId", second.sid()))
                .patch("/api/v1/classes/" + classId + "/teachers/" + teaching).then().statusCode(200)
                .body("teacherId", equalTo(second.sid()));
        as(admin).header("If-Match", etag).body(Map.of("teacherId", first.sid()))
                .patch("/api/v1/classes/" + classId + "/teachers/" + teaching).then().statusCode(412);
        // The new teacher is one of the class's teachers now; the old one no longer.
        as(second).get("/api/v1/classes/" + classId + "/enrollments").then().statusCode(200);
        as(first).get("/api/v1/classes/" + classId + "/enrollments").then().statusCode(403);
    }
}
