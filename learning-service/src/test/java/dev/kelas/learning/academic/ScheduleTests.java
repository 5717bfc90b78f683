package dev.kelas.learning.academic;

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
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The weekly timetable: every double-booking of a teacher, room or class is listed; batches are all or nothing. */
@QuarkusTest
@WithTestResource(LearningTestEnvironment.class)
class ScheduleTests {
    TestSchool school;
    String term;
    String math;
    String physics;
    Person ana;
    Person ben;
    String class7a;
    String class7b;

    @BeforeEach
    void setUp() {
        school = TestSchool.create();
        term = school.createTerm("2026/2027", 1, true);
        math = school.createSubject("MATH");
        physics = school.createSubject("PHYS");
        List<Person> teachers = school.users(Role.TEACHER, List.of("Ana Algebra", "Ben Bohr"));
        ana = teachers.get(0);
        ben = teachers.get(1);
        class7a = school.createClass(school.admin, "7A");
        class7b = school.createClass(school.admin, "7B");
    }

    @Test
    void shouldListEveryConflictOfASlotThatDoubleBooksTeacherRoomAndClass() {
        // Stored: Monday 08:00-09:30 7A math with Ana in R1; 09:00-10:00 7B physics with Ben in R2.
        createSlot(slot(class7a, math, ana, "R1", "MONDAY", "08:00", "09:30")).then().statusCode(201);
        createSlot(slot(class7b, physics, ben, "R2", "MONDAY", "09:00", "10:00")).then().statusCode(201);
        // Touching times do not clash: Ana in R1 with 7A again from 09:30.
        createSlot(slot(class7a, math, ana, "R1", "MONDAY", "09:30", "10:15")).then().statusCode(201);

        // 08:45-09:45, 7B with Ana in "r2 ": Ana overlaps her 08:00 and 09:30 lessons, room R2 overlaps Ben's lesson
        // (rooms compare without case and spaces), class 7B overlaps Ben's lesson.
        createSlot(slot(class7b, math, ana, " r2 ", "MONDAY", "08:45", "09:45")).then()
                .statusCode(409).contentType("application/problem+json").body("code", equalTo("CONFLICT"))
                .body("errors", hasSize(4))
                .body("errors.field", containsInAnyOrder("teacherId", "teacherId", "room", "classId"))
                .body("errors.find { it.field == 'room' }.message", containsString("MONDAY 09:00-10:00"));
        // The same time on Tuesday is free.
        createSlot(slot(class7b, math, ana, "R2", "TUESDAY", "08:45", "09:45")).then().statusCode(201);
        assertEquals(4, slots().size());
    }

    @Test
    void shouldWriteAWholeTimetableOrNothing() {
        createSlot(slot(class7a, math, ana, "R1", "WEDNESDAY", "10:00", "11:00")).then().statusCode(201);
        List<Map<String, Object>> week = List.of(
                slot(class7a, math, ana, "R1", "MONDAY", "08:00", "09:00"),
                slot(class7b, physics, ben, "R2", "MONDAY", "08:00", "09:00"),
                slot(class7b, math, ana, "R1", "WEDNESDAY", "10:30", "11:30"),   // Ana and R1 taken by the stored slot
                slot(class7a, physics, ben, "R3", "FRIDAY", "07:00", "08:00"),
                slot(class7a, physics, ben, "R4", "FRIDAY", "07:30", "08:30"));  // Ben and 7A clash with the entry before
        as(school.admin).body(Map.of("slots", week)).post("/api/v1/schedule/slots/bulk").then()
                .statusCode(409).body("code", equalTo("CONFLICT"))
                .body("errors.field", containsInAnyOrder("slots[2].teacherId", "slots[2].room",
                        "slots[4].teacherId", "slots[4].classId"))
                .body("errors.find { it.field == 'slots[4].classId' }.message", containsString("slots[3] of this request"));
        assertEquals(1, slots().size(), "nothing of the refused batch was written");
        assertEquals(1, TestSchool.count("select count(*) from schedule_slot where tenant_id = ?", school.tenantId));

        // Invalid entries are all listed too (422), and nothing is written.
        Map<String, Object> backwards = slot(class7a, math, ana, "R9", "THURSDAY", "10:00", "09:00");
        Map<String, Object> unknownTeacher = slot(class7b, math, ana, "R9", "THURSDAY", "11:00", "12:00");
        unknownTeacher.put("teacherId", UUID.randomUUID().toString());
        as(school.admin).body(Map.of("slots", List.of(week.get(0), backwards, unknownTeacher))).post("/api/v1/schedule/slots/bulk")
                .then().statusCode(422).body("code", equalTo("VALIDATION_ERROR"))
                .body("errors.field", containsInAnyOrder("slots[1].endsAt", "slots[2].teacherId"));
        assertEquals(1, slots().size());

        // Without the clashing entries the week goes in whole.
        as(school.admin).body(Map.of("slots", List.of(week.get(0), week.get(1), week.get(3)))).post("/api/v1/schedule/slots/bulk")
                .then().statusCode(201).body("", hasSize(3));
        assertEquals(4, slots().size());
        as(ana).get("/api/v1/schedule/slots?teacherId=" + ana.sid()).then().statusCode(200)
                .body("dayOfWeek", equalTo(List.of("MONDAY", "WEDNESDAY")));
    }

    @Test
    void shouldRefuseToMoveASlotOntoAnother() {
        createSlot(slot(class7a, math, ana, "R1", "MONDAY", "08:00", "09:00")).then().statusCode(201);
        String physicsSlot = createSlot(slot(class7a, physics, ben, "R2", "MONDAY", "09:00", "10:00")).then().statusCode(201)
                .extract().path("id");
        as(school.admin).body(slot(null, physics, ben, "R1", "MONDAY", "08:30", "09:30"))
                .put("/api/v1/schedule/slots/" + physicsSlot).then().statusCode(409)
                .body("errors.field", containsInAnyOrder("room", "classId"));
        // Moving within its own old time is no clash with itself.
        as(school.admin).body(slot(null, physics, ben, "R2", "MONDAY", "09:15", "10:15"))
                .put("/api/v1/schedule/slots/" + physicsSlot).then().statusCode(200).body("startsAt", equalTo("09:15:00"));
        as(ben).body(slot(null, physics, ben, "R2", "MONDAY", "11:00", "12:00"))
                .put("/api/v1/schedule/slots/" + physicsSlot).then().statusCode(403);
        TestSchool other = TestSchool.create();
        as(other.admin).delete("/api/v1/schedule/slots/" + physicsSlot).then().statusCode(404);
    }

    private List<Object> slots() {
        return as(school.admin).get("/api/v1/schedule/slots?termId=" + term).then().statusCode(200).extract().path("id");
    }

    private Response createSlot(Map<String, Object> slot) {
        return as(school.admin).body(slot).post("/api/v1/schedule/slots");
    }

    private static Map<String, Object> slot(String classId, String subjectId, Person teacher, String room, String day,
                                            String start, String end) {
        Map<String, Object> slot = new HashMap<>(Map.of("subjectId", subjectId, "teacherId", teacher.sid(), "room", room,
                "dayOfWeek", day, "startsAt", start, "endsAt", end));
        if (classId != null) {
            slot.put("classId", classId);
        }
        return slot;
    }
}
