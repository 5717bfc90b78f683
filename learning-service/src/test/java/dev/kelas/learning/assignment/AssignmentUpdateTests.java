package dev.kelas.learning.assignment;

import static dev.kelas.learning.testing.TestSchool.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kelas.contracts.Subjects;
import dev.kelas.learning.testing.LearningTestEnvironment;
import dev.kelas.learning.testing.NatsBus;
import dev.kelas.learning.testing.TestSchool;
import dev.kelas.learning.testing.TestSchool.Person;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Changing and deleting assignments: ETag / If-Match, points rescaling grades, the delete rules, the events. */
@QuarkusTest
@WithTestResource(LearningTestEnvironment.class)
class AssignmentUpdateTests {
    TestSchool school;
    Person teacher;
    Person student;
    Person classmate;
    String classId;

    @BeforeEach
    void setUp() {
        school = TestSchool.create();
        school.createTerm("2026/2027", 1, true);
        TestSchool.Classroom classroom = school.classroom("Una Update", "Updates", "Cal Change", "Dee Delete");
        teacher = classroom.teacher();
        student = classroom.students().get(0);
        classmate = classroom.students().get(1);
        classId = classroom.classId();
    }

    @Test
    void shouldRefuseAStaleIfMatchWith412() {
        String id = school.createAssignment(teacher, classId, Map.of("title", "Versioned"));
        String etag = as(teacher).get("/api/v1/assignments/" + id).then().statusCode(200).header("ETag", notNullValue())
                .extract().header("ETag");
        String next = as(teacher).header("If-Match", etag).body(Map.of("title", "Versioned, renamed"))
                .patch("/api/v1/assignments/" + id).then().statusCode(200).body("title", equalTo("Versioned, renamed"))
                .extract().header("ETag");
        assertEquals(false, etag.equals(next));

        as(teacher).header("If-Match", etag).body(Map.of("title", "Lost update")).patch("/api/v1/assignments/" + id)
                .then().statusCode(412).contentType(containsString("application/problem+json"))
                .body("code", equalTo("PRECONDITION_FAILED"));
        as(student).get("/api/v1/assignments/" + id).then().statusCode(200).body("title", equalTo("Versioned, renamed"))
                .header("ETag", equalTo(next));
    }

    @Test
    void shouldRescaleGradesProportionallyWithOneAuditEntryEach() {
        String id = school.createAssignment(teacher, classId, Map.of("points", 10));
        as(teacher).body(Map.of("points", 6)).put("/api/v1/assignments/" + id + "/grades/" + student.sid()).then().statusCode(200);
        as(teacher).body(Map.of("excused", true)).put("/api/v1/assignments/" + id + "/grades/" + classmate.sid()).then().statusCode(200);

        as(teacher).body(Map.of("points", 25)).patch("/api/v1/assignments/" + id).then().statusCode(200)
                .body("points", equalTo(25.0f)).header("Kelas-Rescaled-Grades", equalTo("1"));

        as(teacher).get("/api/v1/assignments/" + id + "/grades").then().statusCode(200)
                .body("find { it.studentId == '%s' }.score".formatted(student.sid()), equalTo(15.0f))
                .body("find { it.studentId == '%s' }.maxScore".formatted(student.sid()), equalTo(25.0f))
                .body("find { it.studentId == '%s' }.score".formatted(classmate.sid()), equalTo(0.0f))
                .body("find { it.studentId == '%s' }.excused".formatted(classmate.sid()), equalTo(true));
        as(teacher).get("/api/v1/assignments/" + id + "/grades/" + student.sid() + "/history").then().statusCode(200)
                .body("", hasSize(2)).body("[1].source", equalTo("RESCALE")).body("[1].oldScore", equalTo(6.0f))
                .body("[1].newScore", equalTo(15.0f)).body("[1].reason", containsString("from 10 to 25"));
        as(teacher).get("/api/v1/assignments/" + id + "/grades/" + classmate.sid() + "/history").then().body("", hasSize(1));
    }

    @Test
    void shouldRefuseNewPointsThatTheRubricDoesNotAddUpTo() {
        String id = school.createAssignment(teacher, classId, Map.of("points", 4, "rubric", List.of(
                Map.of("title", "Clarity", "levels", List.of(Map.of("title", "Low", "points", 1), Map.of("title", "High", "points", 4))))));
        as(teacher).body(Map.of("points", 8)).patch("/api/v1/assignments/" + id).then().statusCode(422)
                .body("errors[0].field", equalTo("rubric"));
        as(teacher).body(Map.of("points", 8, "rubric", List.of(Map.of("title", "Clarity", "levels",
                        List.of(Map.of("title", "Low", "points", 2), Map.of("title", "High", "points", 8))))))
                .patch("/api/v1/assignments/" + id).then().statusCode(200).body("points", equalTo(8.0f));
        as(teacher).get("/api/v1/assignments/" + id).then().statusCode(200).body("rubric", hasSize(1))
                .body("rubric[0].levels.points", equalTo(List.of(2.0f, 8.0f)));
    }

    @Test
    void shouldRefuseDeletingAPublishedAssignmentWithAHandIn() {
        String id = school.createAssignment(teacher, classId, Map.of("title", "Handed in"));
        as(student).body(Map.of("text", "My essay")).post("/api/v1/assignments/" + id + "/submissions").then().statusCode(201);

        as(teacher).delete("/api/v1/assignments/" + id).then().statusCode(409)
                .contentType(containsString("application/problem+json")).body("code", equalTo("ASSIGNMENT_HAS_HAND_INS"));
        as(teacher).get("/api/v1/assignments/" + id).then().statusCode(200);
    }

    @Test
    void shouldDeleteADraftAndAnnounceADeletedPublishedOne() {
        String draft = school.createAssignment(teacher, classId, Map.of("title", "Draft", "status", "DRAFT"));
        as(student).delete("/api/v1/assignments/" + draft).then().statusCode(403);
        as(teacher).delete("/api/v1/assignments/" + draft).then().statusCode(204);
        as(teacher).get("/api/v1/assignments/" + draft).then().statusCode(404);

        String published = school.createAssignment(teacher, classId, Map.of("title", "Unused"));
        as(teacher).delete("/api/v1/assignments/" + published).then().statusCode(204);
        NatsBus.get().awaitEvent(Subjects.LEARNING_ASSIGNMENT_DELETED, d -> d.path("assignmentId").asText().equals(published));
        assertEquals(0, TestSchool.count("select count(*) from assignment where id = ?", UUID.fromString(published)));
    }

    @Test
    void shouldAnnounceAMovedDueDate() {
        Instant due = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        String id = school.createAssignment(teacher, classId, Map.of("dueAt", due.toString()));
        Instant moved = due.plus(Duration.ofDays(2));
        as(teacher).body(Map.of("dueAt", moved.toString())).patch("/api/v1/assignments/" + id).then().statusCode(200)
                .body("dueAt", equalTo(moved.toString()));
        JsonNode event = NatsBus.get().awaitEvent(Subjects.LEARNING_ASSIGNMENT_UPDATED, d -> d.path("assignmentId").asText().equals(id)).path("data");
        assertEquals(moved, Instant.parse(event.path("dueAt").asText()));
        assertEquals(due, Instant.parse(event.path("previousDueAt").asText()));
        assertEquals(1, event.path("version").asInt());
    }
}
