package dev.kelas.learning.enrollment;

import static dev.kelas.learning.testing.TestSchool.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kelas.contracts.Role;
import dev.kelas.contracts.Subjects;
import dev.kelas.learning.testing.LearningTestEnvironment;
import dev.kelas.learning.testing.NatsBus;
import dev.kelas.learning.testing.TestSchool;
import dev.kelas.learning.testing.TestSchool.Person;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Enrollments: bulk all-or-nothing, transfer keeping history and grades, withdrawal; each an event on NATS. */
@QuarkusTest
@WithTestResource(LearningTestEnvironment.class)
class EnrollmentTests {

    @Test
    void shouldEnrollABatchWholeOrListEveryBadEntry() {
        TestSchool school = TestSchool.create();
        Person teacher = school.user(Role.TEACHER, "Tia Teacher");
        List<Person> students = school.users(Role.STUDENT, List.of("Sam One", "Sam Two", "Sam Three"));
        String classId = school.createClass(teacher, "Bulk");
        as(teacher).body(Map.of("studentId", students.get(0).sid())).post("/api/v1/classes/" + classId + "/enrollments")
                .then().statusCode(201);

        as(teacher).body(Map.of("studentIds", List.of(students.get(1).sid(), students.get(0).sid(), teacher.sid(),
                        UUID.randomUUID().toString(), students.get(1).sid())))
                .post("/api/v1/classes/" + classId + "/enrollments/bulk").then()
                .statusCode(422).body("code", equalTo("VALIDATION_ERROR"))
                .body("errors.field", equalTo(List.of("studentIds[1]", "studentIds[2]", "studentIds[3]", "studentIds[4]")));
        assertEquals(1, TestSchool.count("select count(*) from enrollment where class_id = ?", UUID.fromString(classId)));

        as(teacher).body(Map.of("studentIds", List.of(students.get(1).sid(), students.get(2).sid())))
                .post("/api/v1/classes/" + classId + "/enrollments/bulk").then().statusCode(201).body("", hasSize(2));
        as(teacher).get("/api/v1/classes/" + classId + "/enrollments").then().statusCode(200)
                .body("studentName", containsInAnyOrder("Sam One", "Sam Two", "Sam Three"));
        for (Person student : students) {
            NatsBus.get().awaitEvent(Subjects.LEARNING_ENROLLMENT_CREATED,
                    d -> d.path("classId").asText().equals(classId) && d.path("studentId").asText().equals(student.sid()));
        }
    }

    @Test
    void shouldTransferAStudentKeepingHistoryAndGrades() {
        TestSchool school = TestSchool.create();
        school.createTerm("2026/2027", 1, true);
        Person teacher = school.user(Role.TEACHER, "Tia Transfer");
        Person student = school.user(Role.STUDENT, "Mo Mover");
        String from = school.createClass(teacher, "8A");
        String to = school.createClass(teacher, "8B");
        school.enroll(teacher, from, student);
        String enrollmentId = as(teacher).get("/api/v1/classes/" + from + "/enrollments").then().extract().path("[0].id");
        String essay = school.createAssignment(teacher, from, Map.of("title", "Essay before moving"));
        as(teacher).body(Map.of("points", 8, "feedback", "Good")).put("/api/v1/assignments/" + essay + "/grades/" + student.sid())
                .then().statusCode(200).body("score", equalTo(8.0f));

        String newEnrollment = as(teacher).body(Map.of("toClassId", to, "reason", "Timetable clash"))
                .post("/api/v1/classes/" + from + "/enrollments/" + enrollmentId + "/transfer").then()
                .statusCode(201).body("classId", equalTo(to)).body("status", equalTo("ACTIVE")).extract().path("id");

        as(teacher).get("/api/v1/classes/" + from + "/enrollments").then()
                .body("[0].status", equalTo("TRANSFERRED")).body("[0].endReason", equalTo("Timetable clash"))
                .body("[0].transferredTo", equalTo(newEnrollment)).body("[0].endedAt", org.hamcrest.Matchers.notNullValue());
        // The grade stays where it was earned: the old class's gradebook keeps the row, marked TRANSFERRED.
        as(teacher).get("/api/v1/classes/" + from + "/gradebook").then().statusCode(200)
                .body("rows[0].studentId", equalTo(student.sid())).body("rows[0].enrollmentStatus", equalTo("TRANSFERRED"))
                .body("rows[0].scores." + essay, equalTo(8.0f));
        as(teacher).get("/api/v1/classes/" + to + "/gradebook").then()
                .body("rows[0].studentId", equalTo(student.sid())).body("rows[0].enrollmentStatus", equalTo("ACTIVE"));
        as(teacher).get("/api/v1/students/" + student.sid() + "/grades").then().statusCode(200)
                .body("find { it.assignmentId == '%s' }.score".formatted(essay), equalTo(8.0f));

        JsonNode transferred = NatsBus.get().awaitEvent(Subjects.LEARNING_ENROLLMENT_TRANSFERRED,
                d -> d.path("enrollmentId").asText().equals(enrollmentId));
        assertEquals(to, transferred.path("data").path("toClassId").asText());
        assertEquals(newEnrollment, transferred.path("data").path("newEnrollmentId").asText());
        assertEquals(school.tenantId.toString(), transferred.path("tenantid").asText());
        NatsBus.get().awaitEvent(Subjects.LEARNING_ENROLLMENT_CREATED, d -> d.path("enrollmentId").asText().equals(newEnrollment));

        // An ended enrollment cannot move again; the student cannot be moved into a class they are in.
        as(teacher).body(Map.of("toClassId", to)).post("/api/v1/classes/" + from + "/enrollments/" + enrollmentId + "/transfer")
                .then().statusCode(409);
        as(teacher).body(Map.of("toClassId", to)).post("/api/v1/classes/" + to + "/enrollments/" + newEnrollment + "/transfer")
                .then().statusCode(422).body("errors[0].field", equalTo("toClassId"));
    }

    @Test
    void shouldRefuseATransferToAClassOfAnotherTermOrAnotherTeacher() {
        TestSchool school = TestSchool.create();
        String first = school.createTerm("2026/2027", 1, true);
        Person teacher = school.user(Role.TEACHER, "Tia Terms");
        Person other = school.user(Role.TEACHER, "Oli Other");
        Person student = school.user(Role.STUDENT, "Ed Elsewhere");
        String from = school.createClass(teacher, "9A");
        String otherTeachersClass = school.createClass(other, "9B");
        String second = school.createTerm("2026/2027", 2, true);
        String nextTerm = school.createClass(teacher, "9A next term");
        as(teacher).get("/api/v1/classes/" + nextTerm).then().body("termId", equalTo(second));
        as(teacher).get("/api/v1/classes/" + from).then().body("termId", equalTo(first));
        school.enroll(teacher, from, student);
        String enrollmentId = as(teacher).get("/api/v1/classes/" + from + "/enrollments").then().extract().path("[0].id");

        as(teacher).body(Map.of("toClassId", nextTerm)).post("/api/v1/classes/" + from + "/enrollments/" + enrollmentId + "/transfer")
                .then().statusCode(422).body("errors[0].field", equalTo("toClassId"));
        as(teacher).body(Map.of("toClassId", otherTeachersClass))
                .post("/api/v1/classes/" + from + "/enrollments/" + enrollmentId + "/transfer").then().statusCode(403);
        as(teacher).get("/api/v1/classes/" + from + "/enrollments").then().body("[0].status", equalTo("ACTIVE"));
    }

    @Test
    void shouldWithdrawAStudentWhoThenCannotHandInWork() {
        TestSchool school = TestSchool.create();
        Person teacher = school.user(Role.TEACHER, "Tia Withdraw");
        Person student = school.user(Role.STUDENT, "Wes Withdrawn");
        String classId = school.createClass(teacher, "Leaving");
        school.enroll(teacher, classId, student);
        String enrollmentId = as(teacher).get("/api/v1/classes/" + classId + "/enrollments").then().extract().path("[0].id");
        String essay = school.createAssignment(teacher, classId, Map.of("dueAt", Instant.now().plus(Duration.ofDays(1)).toString()));

        as(teacher).body(Map.of("reason", "Moved abroad"))
                .post("/api/v1/classes/" + classId + "/enrollments/" + enrollmentId + "/withdraw").then()
                .statusCode(200).body("status", equalTo("WITHDRAWN")).body("transferredTo", nullValue());
        NatsBus.get().awaitEvent(Subjects.LEARNING_ENROLLMENT_WITHDRAWN,
                d -> d.path("enrollmentId").asText().equals(enrollmentId) && d.path("reason").asText().equals("Moved abroad"));
        as(student).body(Map.of("text", "Too late")).post("/api/v1/assignments/" + essay + "/submissions").then()
                .statusCode(403).body("code", equalTo("FORBIDDEN"));
        as(teacher).post("/api/v1/classes/" + classId + "/enrollments/" + enrollmentId + "/withdraw").then().statusCode(409);
        as(teacher).get("/api/v1/classes/" + classId + "/enrollments?status=ACTIVE").then().body("", hasSize(0));
        // Enrolling again starts a new enrollment; the ended one stays in the history.
        as(teacher).body(Map.of("studentId", student.sid())).post("/api/v1/classes/" + classId + "/enrollments").then().statusCode(201);
        as(teacher).get("/api/v1/classes/" + classId + "/enrollments").then().body("status", equalTo(List.of("WITHDRAWN", "ACTIVE")));
    }
}
