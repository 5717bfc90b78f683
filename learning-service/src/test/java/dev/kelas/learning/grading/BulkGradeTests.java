package dev.kelas.learning.grading;

import static dev.kelas.learning.testing.TestSchool.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kelas.contracts.Role;
import dev.kelas.learning.testing.LearningTestEnvironment;
import dev.kelas.learning.testing.TestSchool;
import dev.kelas.learning.testing.TestSchool.Person;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bulk grade entry: one request grades many students, all or nothing, every bad entry listed, one audit entry each. */
@QuarkusTest
@WithTestResource(LearningTestEnvironment.class)
class BulkGradeTests {
    TestSchool school;
    Person teacher;
    List<Person> students;
    String classId;

    @BeforeEach
    void setUp() {
        school = TestSchool.create();
        school.createTerm("2026/2027", 1, true);
        TestSchool.Classroom classroom = school.classroom("Bea Bulk", "Bulk", "Ani One", "Budi Two", "Citra Three");
        teacher = classroom.teacher();
        students = classroom.students();
        classId = classroom.classId();
    }

    @Test
    void shouldGradeEveryStudentInOneRequestWithOneAuditEntryEach() {
        String id = school.createAssignment(teacher, classId, Map.of("points", 20));
        as(teacher).body(Map.of("grades", List.of(
                        Map.of("studentId", students.get(0).sid(), "grade", Map.of("points", 18, "feedback", "Great")),
                        Map.of("studentId", students.get(1).sid(), "grade", Map.of("points", 12.5)),
                        Map.of("studentId", students.get(2).sid(), "grade", Map.of("excused", true)))))
                .put("/api/v1/assignments/" + id + "/grades").then().statusCode(200).body("", hasSize(3))
                .body("score", equalTo(List.of(18.0f, 12.5f, 0.0f))).body("[0].feedback", equalTo("Great"));
        as(teacher).get("/api/v1/assignments/" + id + "/grades").then().body("", hasSize(3));
        assertEquals(3, TestSchool.count("select count(*) from grade_change where assignment_id = ?", UUID.fromString(id)));
        for (Person student : students) {
            as(teacher).get("/api/v1/assignments/" + id + "/grades/" + student.sid() + "/history").then().body("", hasSize(1));
        }
    }

    @Test
    void shouldWriteNothingAndListEveryBadEntry() {
        String id = school.createAssignment(teacher, classId, Map.of("points", 10));
        as(teacher).body(Map.of("points", 5)).put("/api/v1/assignments/" + id + "/grades/" + students.get(2).sid()).then().statusCode(200);
        Person stranger = school.user(Role.STUDENT, "Stan Stranger");
        Person late = school.user(Role.STUDENT, "Lia Late");
        school.enroll(teacher, classId, late);

        as(teacher).body(Map.of("grades", List.of(
                        Map.of("studentId", students.get(0).sid(), "grade", Map.of("points", 7)),
                        Map.of("studentId", students.get(1).sid(), "grade", Map.of("points", 11)),
                        Map.of("studentId", stranger.sid(), "grade", Map.of("points", 3)),
                        Map.of("studentId", students.get(2).sid(), "grade", Map.of("points", 6)),
                        Map.of("studentId", students.get(0).sid(), "grade", Map.of("points", 8)),
                        Map.of("studentId", late.sid(), "grade", Map.of("points", 1, "excused", true)))))
                .put("/api/v1/assignments/" + id + "/grades").then().statusCode(422)
                .contentType(containsString("application/problem+json")).body("code", equalTo("BULK_GRADES_INVALID"))
                .body("errors", hasSize(5))
                .body("errors.index", equalTo(List.of(1, 2, 3, 4, 5)))
                .body("errors.code", equalTo(List.of("POINTS_OUT_OF_RANGE", "STUDENT_NOT_ENROLLED", "REASON_REQUIRED",
                        "DUPLICATE_STUDENT", "GRADE_AMBIGUOUS")))
                .body("errors.studentId", containsInAnyOrder(students.get(1).sid(), stranger.sid(), students.get(2).sid(),
                        students.get(0).sid(), late.sid()));

        // Nothing was written: the valid first entry neither, and the existing grade kept its score.
        as(teacher).get("/api/v1/assignments/" + id + "/grades").then().body("", hasSize(1)).body("[0].score", equalTo(5.0f));
        assertEquals(1, TestSchool.count("select count(*) from grade_change where assignment_id = ?", UUID.fromString(id)));
    }

    @Test
    void shouldRefuseBulkGradesOnADraft() {
        String id = school.createAssignment(teacher, classId, Map.of("status", "DRAFT"));
        as(teacher).body(Map.of("grades", List.of(Map.of("studentId", students.get(0).sid(), "grade", Map.of("points", 7)))))
                .put("/api/v1/assignments/" + id + "/grades").then().statusCode(409);
        as(teacher).body(Map.of("grades", List.of())).put("/api/v1/assignments/" + id + "/grades").then().statusCode(400);
    }
}
