package dev.kelas.learning.calendar;

import static dev.kelas.learning.testing.TestSchool.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kelas.contracts.Role;
import dev.kelas.learning.testing.LearningTestEnvironment;
import dev.kelas.learning.testing.TestSchool;
import dev.kelas.learning.testing.TestSchool.Person;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The school calendar: events, audiences, holidays in the timetable, DST-safe recurrence, the iCalendar feed. */
@QuarkusTest
@WithTestResource(LearningTestEnvironment.class)
class CalendarTests {
    TestSchool school;
    Person ana;
    Person sam;
    String classId;
    String math;

    @BeforeEach
    void setUp() {
        school = TestSchool.create();
        school.createTerm("2026/2027", 1, true); // 2026-07-15 to 2026-12-20
        math = school.createSubject("MATH");
        TestSchool.Classroom room = school.classroom("Ana Algebra", "7A", "Sam Student");
        ana = room.teacher();
        sam = room.students().get(0);
        classId = room.classId();
    }

    @Test
    void shouldLeaveHolidaysOutOfThePersonalTimetable() {
        // 7A has maths every Monday 08:00-09:00; Monday 2026-12-07 is a school holiday.
        as(school.admin).body(Map.of("classId", classId, "subjectId", math, "teacherId", ana.sid(), "room", "R1",
                "dayOfWeek", "MONDAY", "startsAt", "08:00", "endsAt", "09:00")).post("/api/v1/schedule/slots").then().statusCode(201);
        createEvent(school.admin, allDay("HOLIDAY", "Teachers' day", "2026-12-07", "SCHOOL")).then().statusCode(201);

        Response mine = as(sam).get("/api/v1/calendar/me?from=2026-11-30&to=2026-12-13");
        mine.then().statusCode(200);
        List<String> lessons = mine.path("items.findAll { it.kind == 'LESSON' }.start");
        assertEquals(List.of("2026-11-30T08:00:00Z"), lessons, "the holiday's lesson is gone");
        assertEquals(List.of("Teachers' day"), mine.path("items.findAll { it.kind == 'EVENT' }.title"));
    }

    @Test
    void shouldShowAssignmentsDueInThePersonalCalendar() {
        String assignmentId = school.createAssignment(ana, classId, Map.of("title", "Fractions", "dueAt", "2026-12-10T16:00:00Z"));

        Response mine = as(sam).get("/api/v1/calendar/me?from=2026-12-07&to=2026-12-13");
        mine.then().statusCode(200).body("items.find { it.kind == 'DUE' }.assignmentId", equalTo(assignmentId))
                .body("items.find { it.kind == 'DUE' }.title", equalTo("Due: Fractions"));
    }

    @Test
    void shouldKeepAWeeklyMeetingAtNineAcrossTheEndOfSummerTime() {
        as(school.admin).body(Map.of("timeZone", "Europe/Berlin")).put("/api/v1/calendar/settings").then().statusCode(200);
        Map<String, Object> meeting = new HashMap<>(Map.of("type", "MEETING", "title", "Staff meeting", "allDay", false,
                "startsAt", "2026-10-19T09:00", "endsAt", "2026-10-19T10:00", "recurrence", "FREQ=WEEKLY;COUNT=3",
                "audience", "ROLE", "role", "TEACHER"));
        createEvent(school.admin, meeting).then().statusCode(201);

        as(ana).get("/api/v1/calendar/events?from=2026-10-01&to=2026-11-30").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.start", equalTo(List.of("2026-10-19T09:00:00+02:00", "2026-10-26T09:00:00+01:00", "2026-11-02T09:00:00+01:00")));
        as(sam).get("/api/v1/calendar/events?from=2026-10-01&to=2026-11-30").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void shouldServeAFeedThatIcal4jReadsAndStopItWhenTheTokenIsRotated() throws Exception {
        createEvent(school.admin, allDay("EXAM", "Maths exam", java.time.LocalDate.now().plusDays(3).toString(), "SCHOOL"))
                .then().statusCode(201);
        String path = as(sam).post("/api/v1/calendar/feed-token").then().statusCode(201).extract().path("path");

        Response feed = given().get(path);
        feed.then().statusCode(200).contentType(startsWith("text/calendar"));
        Calendar parsed = new CalendarBuilder().build(new StringReader(feed.asString()));
        List<VEvent> events = parsed.getComponents(Component.VEVENT);
        assertEquals(1, events.size());
        assertEquals("Maths exam", events.get(0).getSummary().getValue());
        assertTrue(events.get(0).getUid().isPresent());

        as(sam).post("/api/v1/calendar/feed-token").then().statusCode(201);
        given().get(path).then().statusCode(404).contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void shouldLetTeachersManageOnlyTheirClassesEventsAndNoHolidays() {
        createEvent(ana, allDay("HOLIDAY", "Day off", "2026-12-09", "CLASS", classId)).then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        createEvent(ana, allDay("SCHOOL_EVENT", "Fair", "2026-12-09", "SCHOOL")).then().statusCode(403);
        String other = school.createClass(school.user(Role.TEACHER, "Otto Other"), "7B");
        createEvent(ana, allDay("EXAM", "Quiz", "2026-12-09", "CLASS", other)).then().statusCode(403);
        createEvent(sam, allDay("EXAM", "Quiz", "2026-12-09", "CLASS", classId)).then().statusCode(403);
        createEvent(ana, allDay("EXAM", "Quiz", "2026-12-09", "CLASS", classId)).then().statusCode(201);
        assertEquals(1, TestSchool.count("select count(*) from outbox_event where tenant_id = ? and type = ?", school.tenantId,
                "kelas.learning.calendar.event-published"), "only the accepted event is announced");
    }

    @Test
    void shouldRefuseBadDatesAndRulesWithTheirField() {
        Map<String, Object> bad = allDay("EXAM", "Quiz", "2026-12-09", "SCHOOL");
        bad.put("endDate", "2026-12-08");
        createEvent(school.admin, bad).then().statusCode(422).body("errors[0].field", equalTo("endDate"));
        Map<String, Object> rule = allDay("EXAM", "Quiz", "2026-12-09", "SCHOOL");
        rule.put("recurrence", "EVERY MONDAY");
        createEvent(school.admin, rule).then().statusCode(422).body("errors[0].field", equalTo("recurrence"));
        createEvent(school.admin, allDay("EXAM", "Quiz", "2026-12-09", "CLASS")).then().statusCode(422)
                .body("errors[0].field", equalTo("classId"));
        as(school.admin).get("/api/v1/calendar/events?from=2026-12-09&to=2026-12-01").then().statusCode(422)
                .body("errors[0].field", equalTo("to"));
        as(school.admin).body(Map.of("timeZone", "Mars/Olympus")).put("/api/v1/calendar/settings").then().statusCode(422)
                .body("errors[0].field", equalTo("timeZone"));
        assertEquals(0, TestSchool.count("select count(*) from calendar_event where tenant_id = ?", school.tenantId));
    }

    @Test
    void shouldRefuseAStaleChangeWithIfMatch() {
        Response created = createEvent(school.admin, allDay("EXAM", "Quiz", "2026-12-09", "SCHOOL"));
        created.then().statusCode(201).header("ETag", "\"0\"");
        String id = created.path("id");

        as(school.admin).header("If-Match", "\"0\"").body(Map.of("title", "Final quiz")).patch("/api/v1/calendar/events/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("title", equalTo("Final quiz"));
        as(school.admin).header("If-Match", "\"0\"").body(Map.of("title", "Lost update")).patch("/api/v1/calendar/events/" + id)
                .then().statusCode(412).contentType("application/problem+json").body("code", equalTo("PRECONDITION_FAILED"));
        as(sam).get("/api/v1/calendar/events/" + id).then().statusCode(200).body("title", equalTo("Final quiz"));
    }

    @Test
    void shouldHideAnotherSchoolsEvents() {
        String id = createEvent(school.admin, allDay("EXAM", "Quiz", "2026-12-09", "SCHOOL")).then().statusCode(201)
                .extract().path("id");
        TestSchool other = TestSchool.create();
        as(other.admin).get("/api/v1/calendar/events/" + id).then().statusCode(404);
        as(other.admin).delete("/api/v1/calendar/events/" + id).then().statusCode(404);
        as(other.admin).get("/api/v1/calendar/events?from=2026-12-01&to=2026-12-31").then().body("total", equalTo(0));
        as(school.admin).delete("/api/v1/calendar/events/" + id).then().statusCode(204);
        as(school.admin).get("/api/v1/calendar/events/" + id).then().statusCode(404);
    }

    private static Response createEvent(Person person, Map<String, Object> event) {
        return as(person).body(event).post("/api/v1/calendar/events");
    }

    private static Map<String, Object> allDay(String type, String title, String date, String audience, String... classId) {
        Map<String, Object> event = new HashMap<>(Map.of("type", type, "title", title, "allDay", true, "startDate", date,
                "audience", audience));
        if (classId.length > 0) {
            event.put("classId", classId[0]);
        }
        return event;
    }
}
