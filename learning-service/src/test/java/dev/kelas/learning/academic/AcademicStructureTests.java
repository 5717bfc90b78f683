package dev.kelas.learning.academic;

import static dev.kelas.learning.testing.TestSchool.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import dev.kelas.contracts.Role;
import dev.kelas.learning.testing.LearningTestEnvironment;
import dev.kelas.learning.testing.TestSchool;
import dev.kelas.learning.testing.TestSchool.Person;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Terms (one active), subjects and components, classes in a term, and who teaches what. */
@QuarkusTest
@WithTestResource(LearningTestEnvironment.class)
class AcademicStructureTests {

    @Test
    void shouldKeepExactlyOneActiveTermPerSchool() {
        TestSchool school = TestSchool.create();
        String first = school.createTerm("2026/2027", 1, false);
        String second = school.createTerm("2026/2027", 2, false);
        as(school.admin).get("/api/v1/terms").then().statusCode(200)
                .body("findAll { it.active }.id", equalTo(List.of(first)));

        as(school.admin).post("/api/v1/terms/" + second + "/activate").then().statusCode(200).body("active", equalTo(true));
        as(school.admin).get("/api/v1/terms").then()
                .body("findAll { it.active }.id", equalTo(List.of(second)));
        String third = school.createTerm("2027/2028", 1, true);
        as(school.admin).get("/api/v1/terms").then().body("findAll { it.active }.id", equalTo(List.of(third)))
                .body("", hasSize(3));

        as(school.admin).body(Map.of("name", "Again", "schoolYear", "2026/2027", "semester", 1, "startsOn", "2026-07-01",
                "endsOn", "2026-12-01")).post("/api/v1/terms").then().statusCode(409).body("code", equalTo("CONFLICT"));
        as(school.admin).body(Map.of("name", "Backwards", "schoolYear", "2030/2031", "semester", 1, "startsOn", "2030-12-01",
                "endsOn", "2030-07-01")).post("/api/v1/terms").then().statusCode(422).body("errors[0].field", equalTo("endsOn"));
        Person teacher = school.user(Role.TEACHER, "Tom Termless");
        as(teacher).body(Map.of("name", "No", "schoolYear", "2031/2032", "semester", 1, "startsOn", "2031-07-01",
                "endsOn", "2031-12-01")).post("/api/v1/terms").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        TestSchool other = TestSchool.create();
        as(other.admin).post("/api/v1/terms/" + first + "/activate").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void shouldPutClassesInTheActiveTermAndLetSubjectTeachersManageThem() {
        TestSchool school = TestSchool.create();
        String term = school.createTerm("2026/2027", 1, true);
        String math = school.createSubject("MATH");
        String quizzes = school.addComponent(math, "Quizzes");
        String exams = school.addComponent(math, "Exams");
        as(school.admin).get("/api/v1/subjects/" + math + "/components").then().statusCode(200)
                .body("id", equalTo(List.of(quizzes, exams))).body("position", equalTo(List.of(1, 2)));
        as(school.admin).body(Map.of("name", "quizzes")).post("/api/v1/subjects/" + math + "/components").then().statusCode(409);
        as(school.admin).body(Map.of("code", "MATH", "name", "Again")).post("/api/v1/subjects").then().statusCode(409);

        Person homeroom = school.user(Role.TEACHER, "Hana Homeroom");
        Person mathTeacher = school.user(Role.TEACHER, "Mira Math");
        Person stranger = school.user(Role.TEACHER, "Sol Stranger");
        Person student = school.user(Role.STUDENT, "Stu Dent");
        String classId = as(school.admin).body(Map.of("name", "7A", "code", "7A-" + term.substring(0, 6),
                        "teacherId", homeroom.sid(), "gradeLevel", 7))
                .post("/api/v1/classes").then().statusCode(201)
                .body("termId", equalTo(term)).body("gradeLevel", equalTo(7)).body("teacherId", equalTo(homeroom.sid()))
                .extract().path("id");

        as(mathTeacher).get("/api/v1/classes/" + classId + "/enrollments").then().statusCode(403);
        as(homeroom).body(Map.of("subjectId", math, "teacherId", mathTeacher.sid()))
                .post("/api/v1/classes/" + classId + "/teachers").then().statusCode(403);
        String assignment = as(school.admin).body(Map.of("subjectId", math, "teacherId", mathTeacher.sid()))
                .post("/api/v1/classes/" + classId + "/teachers").then().statusCode(201).extract().path("id");
        as(school.admin).body(Map.of("subjectId", math, "teacherId", mathTeacher.sid()))
                .post("/api/v1/classes/" + classId + "/teachers").then().statusCode(409);
        as(school.admin).body(Map.of("subjectId", math, "teacherId", student.sid()))
                .post("/api/v1/classes/" + classId + "/teachers").then().statusCode(422).body("errors[0].field", equalTo("teacherId"));

        // The subject teacher now manages the class; the stranger does not.
        as(mathTeacher).body(Map.of("studentId", student.sid())).post("/api/v1/classes/" + classId + "/enrollments")
                .then().statusCode(201);
        as(stranger).get("/api/v1/classes/" + classId + "/gradebook").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        as(mathTeacher).get("/api/v1/classes").then().statusCode(200).body("id", hasItem(classId));
        as(stranger).get("/api/v1/classes").then().statusCode(200).body("id", not(hasItem(classId)));
        as(student).get("/api/v1/classes").then().statusCode(200).body("id", equalTo(List.of(classId)));
        as(student).get("/api/v1/classes/" + classId + "/teachers").then().statusCode(200)
                .body("teacherId", containsInAnyOrder(mathTeacher.sid()));

        as(school.admin).delete("/api/v1/classes/" + classId + "/teachers/" + assignment).then().statusCode(204);
        as(mathTeacher).get("/api/v1/classes/" + classId + "/enrollments").then().statusCode(403);

        TestSchool other = TestSchool.create();
        as(other.admin).get("/api/v1/classes/" + classId).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        as(other.admin).get("/api/v1/subjects/" + math + "/components").then().statusCode(404);
    }
}
