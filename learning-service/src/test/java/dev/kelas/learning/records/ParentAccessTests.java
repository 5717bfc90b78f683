package dev.kelas.learning.records;

import static dev.kelas.learning.testing.TestSchool.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import dev.kelas.contracts.Role;
import dev.kelas.contracts.Subjects;
import dev.kelas.learning.testing.LearningTestEnvironment;
import dev.kelas.learning.testing.NatsBus;
import dev.kelas.learning.testing.TestSchool;
import dev.kelas.learning.testing.TestSchool.Person;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PARENT accounts: an administrator links a parent to a student of the same school; the parent then reads what the
 * child reads of their own (released grades, attendance, behaviour notes visible to the student, the announcements of
 * the child's classes) and nothing of another student, and writes nothing.
 */
@QuarkusTest
@WithTestResource(LearningTestEnvironment.class)
class ParentAccessTests {
    TestSchool school;
    Person teacher;
    Person child;
    Person otherChild;
    Person parent;
    String classId;
    LocalDate today;

    @BeforeEach
    void setUp() {
        school = TestSchool.create();
        today = LocalDate.now(ZoneOffset.UTC);
        as(school.admin).body(Map.of("name", "Semester 1", "schoolYear", "2026/2027", "semester", 1,
                        "startsOn", today.minusDays(70).toString(), "endsOn", today.plusDays(30).toString(), "active", true))
                .post("/api/v1/terms").then().statusCode(201);
        TestSchool.Classroom classroom = school.classroom("Tess Teacher", "9C", "Cal Child", "Oli Other");
        teacher = classroom.teacher();
        child = classroom.students().get(0);
        otherChild = classroom.students().get(1);
        classId = classroom.classId();
        TestSchool.enrolledSince(classId, today.minusDays(70).atStartOfDay().toInstant(ZoneOffset.UTC));
        parent = school.user(Role.PARENT, "Pat Parent");
        as(school.admin).put("/api/v1/students/{s}/guardians/{p}", child.sid(), parent.sid()).then().statusCode(201)
                .body("parentId", equalTo(parent.sid())).body("studentId", equalTo(child.sid())).body("name", equalTo("Pat Parent"));
    }

    @Test
    void shouldLinkOnceAndListTheParentsChildren() {
        NatsBus.get().awaitEvent(Subjects.LEARNING_GUARDIAN_LINKED,
                d -> d.path("studentId").asText().equals(child.sid()) && d.path("parentId").asText().equals(parent.sid()));
        as(school.admin).put("/api/v1/students/{s}/guardians/{p}", child.sid(), parent.sid()).then().statusCode(200);
        as(parent).get("/api/v1/students/children").then().statusCode(200).body("", hasSize(1))
                .body("[0].studentId", equalTo(child.sid())).body("[0].name", equalTo("Cal Child"))
                .body("[0].classIds", equalTo(List.of(classId)));
        as(school.admin).get("/api/v1/students/{s}/guardians", child.sid()).then().statusCode(200)
                .body("parentId", equalTo(List.of(parent.sid())));
        as(child).get("/api/v1/students/{s}/guardians", child.sid()).then().statusCode(200).body("", hasSize(1));
        as(otherChild).get("/api/v1/students/{s}/guardians", child.sid()).then().statusCode(403);
        as(child).get("/api/v1/students/children").then().statusCode(403);
        org.junit.jupiter.api.Assertions.assertEquals(1,
                TestSchool.count("select count(*) from guardian_link where student_id = ?", child.id()));
        // Linking again sent nothing more.
        org.junit.jupiter.api.Assertions.assertEquals(1, TestSchool.count(
                "select count(*) from outbox_event where type = ? and aggregate_id = ?", Subjects.LEARNING_GUARDIAN_LINKED, child.sid()));
    }

    @Test
    void shouldRefuseLinkingAccountsOfTheWrongRoleOrAnotherSchool() {
        Person notParent = school.user(Role.TEACHER, "Nia Notparent");
        as(school.admin).put("/api/v1/students/{s}/guardians/{p}", child.sid(), notParent.sid()).then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("VALIDATION_ERROR"))
                .body("errors[0].field", equalTo("parentId"));
        Person secondParent = school.user(Role.PARENT, "Sam Second");
        as(school.admin).put("/api/v1/students/{s}/guardians/{p}", teacher.sid(), secondParent.sid()).then().statusCode(422)
                .body("errors[0].field", equalTo("studentId"));
        TestSchool other = TestSchool.create();
        Person foreignParent = other.user(Role.PARENT, "Fred Foreign");
        as(school.admin).put("/api/v1/students/{s}/guardians/{p}", child.sid(), foreignParent.sid()).then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
        as(other.admin).put("/api/v1/students/{s}/guardians/{p}", child.sid(), foreignParent.sid()).then().statusCode(404);
        as(teacher).put("/api/v1/students/{s}/guardians/{p}", child.sid(), secondParent.sid()).then().statusCode(403);
        as(parent).put("/api/v1/students/{s}/guardians/{p}", otherChild.sid(), parent.sid()).then().statusCode(403);
        org.junit.jupiter.api.Assertions.assertEquals(1,
                TestSchool.count("select count(*) from guardian_link where tenant_id = ?", school.tenantId));
    }

    @Test
    void shouldShowTheParentOnlyTheirChildsReleasedGrades() {
        String released = school.createAssignment(teacher, classId, Map.of("title", "Released essay", "points", 20));
        String hidden = school.createAssignment(teacher, classId, Map.of("title", "Hidden essay", "points", 20));
        for (Person student : List.of(child, otherChild)) {
            as(teacher).body(Map.of("points", 15, "feedback", "Good")).put("/api/v1/assignments/{a}/grades/{s}", released, student.sid())
                    .then().statusCode(200);
            as(teacher).body(Map.of("points", 9, "feedback", "Secret")).put("/api/v1/assignments/{a}/grades/{s}", hidden, student.sid())
                    .then().statusCode(200);
        }
        as(teacher).post("/api/v1/assignments/{a}/release", released).then().statusCode(200);

        as(parent).get("/api/v1/students/{s}/grades?classId={c}", child.sid(), classId).then().statusCode(200)
                .body("find { it.assignmentId == '%s' }.score".formatted(released), equalTo(15.0f))
                .body("find { it.assignmentId == '%s' }.released".formatted(hidden), equalTo(false))
                .body("find { it.assignmentId == '%s' }".formatted(hidden), not(hasKey("score")))
                .body("find { it.assignmentId == '%s' }".formatted(hidden), not(hasKey("feedback")));
        as(parent).get("/api/v1/students/{s}/report-card", child.sid()).then().statusCode(200);
        as(parent).get("/api/v1/students/{s}/grades", otherChild.sid()).then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        as(parent).get("/api/v1/students/{s}/report-card", otherChild.sid()).then().statusCode(403);
        as(parent).get("/api/v1/classes/{c}/gradebook", classId).then().statusCode(403);
        as(parent).body(Map.of("points", 20)).put("/api/v1/assignments/{a}/grades/{s}", hidden, child.sid()).then().statusCode(403);
    }

    @Test
    void shouldShowTheParentTheirChildsAttendanceAndVisibleBehaviourOnly() {
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(2);
        as(teacher).body(Map.of("marks", List.of(Map.of("studentId", child.sid(), "status", "ABSENT"),
                        Map.of("studentId", otherChild.sid(), "status", "PRESENT"))))
                .put("/api/v1/attendance/sessions/{s}/marks", "DAILY:" + classId + ":" + monday).then().statusCode(200);
        Map<String, Object> visible = note(child, "Helped a classmate", true);
        Map<String, Object> staffOnly = note(child, "Staff-only remark", false);
        as(teacher).body(visible).post("/api/v1/behavior/notes").then().statusCode(201);
        as(teacher).body(staffOnly).post("/api/v1/behavior/notes").then().statusCode(201);
        as(teacher).body(note(otherChild, "Someone else's note", true)).post("/api/v1/behavior/notes").then().statusCode(201);

        as(parent).get("/api/v1/students/{s}/attendance", child.sid()).then().statusCode(200).body("total", equalTo(1))
                .body("items[0].status", equalTo("ABSENT"));
        as(parent).get("/api/v1/students/{s}/attendance?classId={c}", child.sid(), classId).then().statusCode(200)
                .body("total", equalTo(1));
        as(parent).get("/api/v1/students/{s}/attendance", otherChild.sid()).then().statusCode(404);
        as(parent).get("/api/v1/behavior/students/{s}", child.sid()).then().statusCode(200)
                .body("items.description", equalTo(List.of("Helped a classmate"))).body("total", equalTo(1));
        as(parent).get("/api/v1/behavior/students/{s}", otherChild.sid()).then().statusCode(403);
        as(parent).body(note(child, "A parent's note", true)).post("/api/v1/behavior/notes").then().statusCode(403);
    }

    @Test
    void shouldShowTheParentTheAnnouncementsOfTheirChildsClasses() {
        Person otherTeacher = school.user(Role.TEACHER, "Ola Otherclass");
        String otherClass = school.createClass(otherTeacher, "9D");
        String forChildsClass = announce(teacher, "Field trip", "CLASS", classId);
        String forOtherClass = announce(otherTeacher, "Other class news", "CLASS", otherClass);
        String forParents = announce(school.admin, "Parents' evening", "ROLE", null);
        String forStudents = announceToRole("Students only", "STUDENT");

        as(parent).get("/api/v1/announcements").then().statusCode(200).body("items.id", hasItem(forChildsClass))
                .body("items.id", hasItem(forParents)).body("items.id", not(hasItem(forOtherClass)))
                .body("items.id", not(hasItem(forStudents)));
        as(parent).get("/api/v1/announcements/{id}", forChildsClass).then().statusCode(200);
        as(parent).get("/api/v1/announcements/{id}", forOtherClass).then().statusCode(404);
        as(parent).body(Map.of("title", "Mine", "body", "x", "audience", "SCHOOL")).post("/api/v1/announcements").then().statusCode(403);
    }

    @Test
    void shouldShowNothingOnceTheParentIsUnlinked() {
        as(parent).get("/api/v1/students/{s}/grades", child.sid()).then().statusCode(200);
        as(school.admin).delete("/api/v1/students/{s}/guardians/{p}", child.sid(), parent.sid()).then().statusCode(204);
        NatsBus.get().awaitEvent(Subjects.LEARNING_GUARDIAN_UNLINKED,
                d -> d.path("studentId").asText().equals(child.sid()) && d.path("parentId").asText().equals(parent.sid()));
        as(school.admin).delete("/api/v1/students/{s}/guardians/{p}", child.sid(), parent.sid()).then().statusCode(404);

        as(parent).get("/api/v1/students/{s}/grades", child.sid()).then().statusCode(403);
        as(parent).get("/api/v1/students/{s}/attendance", child.sid()).then().statusCode(404);
        as(parent).get("/api/v1/behavior/students/{s}", child.sid()).then().statusCode(403);
        as(parent).get("/api/v1/students/{s}/record", child.sid()).then().statusCode(403);
        as(parent).get("/api/v1/students/children").then().statusCode(200).body("", hasSize(0));
    }

    private Map<String, Object> note(Person student, String description, boolean visibleToStudent) {
        return new HashMap<>(Map.of("studentId", student.sid(), "classId", classId, "category", "HELPFUL",
                "description", description, "visibleToStudent", visibleToStudent));
    }

    private String announce(Person author, String title, String audience, String targetClass) {
        Map<String, Object> body = new HashMap<>(Map.of("title", title, "body", "About " + title, "audience", audience));
        if (targetClass != null) {
            body.put("classId", targetClass);
        } else {
            body.put("role", "PARENT");
        }
        return as(author).body(body).post("/api/v1/announcements").then().statusCode(201).extract().path("id");
    }

    private String announceToRole(String title, String role) {
        return as(school.admin).body(Map.of("title", title, "body", "About " + title, "audience", "ROLE", "role", role))
                .post("/api/v1/announcements").then().statusCode(201).extract().path("id");
    }
}
