package dev.kelas.learning.joincode;

import static dev.kelas.learning.testing.TestSchool.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.kelas.contracts.Role;
import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.UserRegistered;
import dev.kelas.learning.testing.LearningTestEnvironment;
import dev.kelas.learning.testing.NatsBus;
import dev.kelas.learning.testing.TestSchool;
import dev.kelas.learning.testing.TestSchool.Person;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Class join codes (issue 15): the class's teachers and administrators set, rotate, read and turn off a code, each
 * change in the outbox as {@code kelas.learning.class.join-code-changed}; a {@code kelas.auth.user.registered} of a
 * student naming the class ({@code joinClassId}, a verified self-registration) enrolls them.
 */
@QuarkusTest
@WithTestResource(LearningTestEnvironment.class)
class JoinCodeTests {
    TestSchool school;
    TestSchool.Classroom classroom;

    @BeforeEach
    void setUp() {
        school = TestSchool.create();
        school.createTerm("2026/2027", 1, true);
        classroom = school.classroom("Jo Joiner", "7A", "Sol Student");
    }

    @Test
    void shouldSetRotateAndTurnOffAClassCodeAnnouncingEachChange() {
        String first = as(classroom.teacher()).post("/api/v1/classes/{id}/join-code", classroom.classId()).then().statusCode(200)
                .body("classId", equalTo(classroom.classId())).body("code", matchesPattern("^[A-HJKMNP-Z2-9]{8}$"))
                .extract().path("code");
        as(school.admin).get("/api/v1/classes/{id}/join-code", classroom.classId()).then().statusCode(200).body("code", equalTo(first));
        String second = as(school.admin).post("/api/v1/classes/{id}/join-code", classroom.classId()).then().statusCode(200)
                .extract().path("code");
        assertNotEquals(first, second);
        as(classroom.teacher()).delete("/api/v1/classes/{id}/join-code", classroom.classId()).then().statusCode(204);
        as(classroom.teacher()).delete("/api/v1/classes/{id}/join-code", classroom.classId()).then().statusCode(204);
        as(classroom.teacher()).get("/api/v1/classes/{id}/join-code", classroom.classId()).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
        assertEquals(3, TestSchool.count("select count(*) from outbox_event where type = 'kelas.learning.class.join-code-changed'"
                + " and aggregate_id = ?", classroom.classId()));
        assertEquals(1, TestSchool.count("select count(*) from outbox_event where type = 'kelas.learning.class.join-code-changed'"
                + " and aggregate_id = ? and payload->>'code' is null", classroom.classId()));
    }

    @Test
    void shouldLetOnlyTheClassesTeachersAndAdministratorsTouchItsCode() {
        Person stranger = school.user(Role.TEACHER, "Tia Other");
        Person student = classroom.students().get(0);
        as(stranger).post("/api/v1/classes/{id}/join-code", classroom.classId()).then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        as(student).post("/api/v1/classes/{id}/join-code", classroom.classId()).then().statusCode(403);
        as(TestSchool.create().admin).post("/api/v1/classes/{id}/join-code", classroom.classId()).then().statusCode(404);
        as(school.admin).post("/api/v1/classes/{id}/archive", classroom.classId()).then().statusCode(200);
        as(school.admin).post("/api/v1/classes/{id}/join-code", classroom.classId()).then().statusCode(409)
                .body("code", equalTo("CLASS_ARCHIVED"));
        assertEquals(0, TestSchool.count("select count(*) from class_join_code where id = ?::uuid", classroom.classId()));
    }

    @Test
    void shouldEnrollAVerifiedSelfRegisteredStudentInTheClassOfTheirCode() {
        UUID studentId = UUID.randomUUID();
        NatsBus.get().publish(Subjects.AUTH_USER_REGISTERED, school.tenantId, studentId.toString(),
                new UserRegistered(studentId, school.tenantId, "sid@" + school.tenantId + ".test", "Sid Self", Role.STUDENT,
                        Instant.now(), UUID.fromString(classroom.classId())));
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> TestSchool.count(
                "select count(*) from enrollment where class_id = ?::uuid and student_id = ?::uuid", classroom.classId(), studentId) == 1);
        assertEquals(1, TestSchool.count("select count(*) from outbox_event where type = 'kelas.learning.enrollment.created'"
                + " and payload->>'studentId' = ?", studentId.toString()));
        as(classroom.teacher()).get("/api/v1/classes/{id}/enrollments", classroom.classId()).then().statusCode(200)
                .body("findAll { it.studentId == '" + studentId + "' }.size()", equalTo(1));

        // Another school's class is not joined.
        UUID elsewhere = UUID.randomUUID();
        TestSchool other = TestSchool.create();
        NatsBus.get().publish(Subjects.AUTH_USER_REGISTERED, other.tenantId, elsewhere.toString(),
                new UserRegistered(elsewhere, other.tenantId, "eli@" + other.tenantId + ".test", "Eli Else", Role.STUDENT,
                        Instant.now(), UUID.fromString(classroom.classId())));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> TestSchool.count(
                "select count(*) from member where user_id = ?::uuid", elsewhere) == 1);
        assertEquals(0, TestSchool.count("select count(*) from enrollment where student_id = ?::uuid", elsewhere));
    }
}
