package dev.kelas.learning.behavior;

import static dev.kelas.learning.testing.TestSchool.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kelas.contracts.Role;
import dev.kelas.learning.testing.LearningTestEnvironment;
import dev.kelas.learning.testing.TestSchool;
import dev.kelas.learning.testing.TestSchool.Person;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Behaviour notes: categories, the sign rule, visibility, the audit trail and the summaries. */
@QuarkusTest
@WithTestResource(LearningTestEnvironment.class)
class BehaviorTests {
    TestSchool school;
    Person ana;
    Person sam;
    Person sue;
    String classId;

    @BeforeEach
    void setUp() {
        school = TestSchool.create();
        school.createTerm("2026/2027", 1, true);
        TestSchool.Classroom room = school.classroom("Ana Algebra", "7A", "Sam Student", "Sue Student");
        ana = room.teacher();
        sam = room.students().get(0);
        sue = room.students().get(1);
        classId = room.classId();
    }

    @Test
    void shouldRecordANoteWithTheCategorysPointsAndAnnounceIt() {
        as(sam).get("/api/v1/behavior/categories").then().statusCode(200).body("code", hasSize(6));
        record(ana, note(sam, "HELPFUL")).then().statusCode(201).body("kind", equalTo("POSITIVE")).body("points", equalTo(2))
                .body("date", equalTo(LocalDate.now().toString()));
        assertEquals(1, TestSchool.count("select count(*) from outbox_event where tenant_id = ? and type = ?", school.tenantId,
                "kelas.learning.behavior.recorded"));
    }

    @Test
    void shouldRefuseNotesThatBreakTheRules() {
        Map<String, Object> wrongSign = note(sam, "HELPFUL");
        wrongSign.put("points", -1);
        record(ana, wrongSign).then().statusCode(422).body("errors[0].field", equalTo("points"));
        record(ana, note(sam, "SINGING")).then().statusCode(422).body("errors[0].field", equalTo("category"));
        Map<String, Object> future = note(sam, "HELPFUL");
        future.put("date", LocalDate.now().plusDays(2).toString());
        record(ana, future).then().statusCode(422).body("errors[0].field", equalTo("date"));
        Person stranger = school.user(Role.STUDENT, "Stan Stranger");
        record(ana, note(stranger, "HELPFUL")).then().statusCode(422).body("errors[0].field", equalTo("studentId"));
        record(school.user(Role.TEACHER, "Otto Other"), note(sam, "HELPFUL")).then().statusCode(403);
        record(sue, note(sam, "DISRUPTION")).then().statusCode(403);
        assertEquals(0, TestSchool.count("select count(*) from behavior_note where tenant_id = ?", school.tenantId));
    }

    @Test
    void shouldShowAStudentOnlyTheirVisibleNotesWithTheirSums() {
        record(ana, note(sam, "EXCELLENT_WORK")).then().statusCode(201);
        Map<String, Object> staffOnly = note(sam, "DISRUPTION");
        staffOnly.put("visibleToStudent", false);
        record(ana, staffOnly).then().statusCode(201);
        record(ana, note(sam, "NO_HOMEWORK")).then().statusCode(201);

        as(sam).get("/api/v1/behavior/students/" + sam.id()).then().statusCode(200)
                .body("totalPoints", equalTo(2)).body("total", equalTo(2))
                .body("countsByCategory.EXCELLENT_WORK", equalTo(1)).body("countsByCategory.DISRUPTION", nullValue())
                .body("terms[0].points", equalTo(2));
        as(ana).get("/api/v1/behavior/students/" + sam.id()).then().statusCode(200)
                .body("totalPoints", equalTo(0)).body("positiveNotes", equalTo(1)).body("negativeNotes", equalTo(2));
        as(sue).get("/api/v1/behavior/students/" + sam.id()).then().statusCode(403);
        as(ana).get("/api/v1/behavior/classes/" + classId + "/summary").then().statusCode(200)
                .body("find { it.studentId == '" + sam.id() + "' }.points", equalTo(0))
                .body("find { it.studentId == '" + sue.id() + "' }.points", equalTo(0))
                .body("studentId", hasSize(2));
    }

    @Test
    void shouldKeepEveryEditAndDeletionInAnAppendOnlyTrail() {
        String id = record(ana, note(sam, "PARTICIPATION")).then().statusCode(201).extract().path("id");
        Person coTeacher = school.user(Role.TEACHER, "Cora Co");
        as(coTeacher).body(Map.of("points", 5)).patch("/api/v1/behavior/notes/" + id).then().statusCode(403);

        as(ana).body(Map.of("points", 3, "reason", "It was a great talk")).patch("/api/v1/behavior/notes/" + id).then()
                .statusCode(200).body("points", equalTo(3)).body("version", equalTo(1));
        as(school.admin).delete("/api/v1/behavior/notes/" + id + "?reason=duplicate").then().statusCode(204);

        Response trail = as(school.admin).get("/api/v1/behavior/notes/" + id + "/changes");
        trail.then().statusCode(404); // the note is gone; its trail stays in the table
        assertEquals(2, TestSchool.count("select count(*) from behavior_note_change where note_id = ?", UUID.fromString(id)));
        assertEquals(1, TestSchool.count("select count(*) from behavior_note_change where note_id = ? and action = 'UPDATED'"
                + " and old_note::jsonb ->> 'points' = '1' and new_note::jsonb ->> 'points' = '3' and reason = 'It was a great talk'",
                UUID.fromString(id)));
        assertThrows(IllegalStateException.class, () -> TestSchool.update("update behavior_note_change set reason = 'x'"));
        assertThrows(IllegalStateException.class, () -> TestSchool.update("delete from behavior_note_change"));
    }

    @Test
    void shouldShowANotesTrailToTheClassTeachers() {
        String id = record(ana, note(sam, "PARTICIPATION")).then().statusCode(201).extract().path("id");
        as(ana).body(Map.of("category", "HELPFUL")).patch("/api/v1/behavior/notes/" + id).then().statusCode(200)
                .body("points", equalTo(1)).body("category", equalTo("HELPFUL"));
        as(ana).get("/api/v1/behavior/notes/" + id + "/changes").then().statusCode(200)
                .body("action", equalTo(List.of("UPDATED"))).body("[0].before.category", equalTo("PARTICIPATION"))
                .body("[0].after.category", equalTo("HELPFUL"));
        as(sam).get("/api/v1/behavior/notes/" + id + "/changes").then().statusCode(403);
    }

    @Test
    void shouldReplaceTheCategoryListButKeepCategoriesInUse() {
        record(ana, note(sam, "HELPFUL")).then().statusCode(201);
        Map<String, Object> kind = Map.of("code", "KIND", "label", "Kindness", "kind", "POSITIVE", "defaultPoints", 2);
        as(school.admin).body(Map.of("categories", List.of(kind))).put("/api/v1/behavior/categories").then().statusCode(409)
                .body("code", equalTo("CONFLICT"));
        Map<String, Object> helpful = Map.of("code", "HELPFUL", "label", "Helpful", "kind", "POSITIVE", "defaultPoints", 1);
        Map<String, Object> bad = Map.of("code", "late work", "label", "", "kind", "NEGATIVE", "defaultPoints", 2);
        as(school.admin).body(Map.of("categories", List.of(helpful, bad))).put("/api/v1/behavior/categories").then().statusCode(422)
                .body("errors.field", containsInAnyOrder("categories[1].code", "categories[1].label", "categories[1].defaultPoints"));
        as(school.admin).body(Map.of("categories", List.of(helpful, kind))).put("/api/v1/behavior/categories").then().statusCode(200)
                .body("code", equalTo(List.of("HELPFUL", "KIND")));
        as(ana).body(Map.of("categories", List.of(helpful))).put("/api/v1/behavior/categories").then().statusCode(403);
    }

    private static Response record(Person author, Map<String, Object> note) {
        return as(author).body(note).post("/api/v1/behavior/notes");
    }

    private Map<String, Object> note(Person student, String category) {
        return new HashMap<>(Map.of("studentId", student.sid(), "classId", classId, "category", category,
                "description", "In today's lesson"));
    }
}
