package dev.kelas.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A school's day through the real services, as a frontend drives it: a teacher takes a class's register in one
 * request, a student at the absence limit hears of it over SSE and by e-mail, a student's calendar feed is read
 * by ical4j as a calendar app would, and a scheduled announcement arrives over SSE when its time comes.
 */
class SchoolDayTests {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static KelasSystem system;
    private static School school;
    private static School.Person teacher;
    private static School.Person ani;
    private static School.Person ben;
    private static School.Person cem;
    private static String classId;
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @BeforeAll
    static void start() {
        system = KelasSystem.get();
        school = School.register(system, "School Day School");
        school.as(school.admin, "learning-service").body(Map.of("name", "Semester 1", "schoolYear", "2026/2027", "semester", 1,
                        "startsOn", TODAY.minusDays(30).toString(), "endsOn", TODAY.plusDays(60).toString(), "active", true))
                .post("/api/v1/terms").then().statusCode(201);
        school.as(school.admin, "learning-service").body(Map.of("absenceLimit", 1, "latesPerAbsence", 3))
                .put("/api/v1/attendance/settings").then().statusCode(200);
        teacher = school.createUser("TEACHER", "Hana Homeroom");
        ani = school.createUser("STUDENT", "Ani Absent");
        ben = school.createUser("STUDENT", "Ben Late");
        cem = school.createUser("STUDENT", "Cem Present");
        classId = school.classKnownToNotifications(teacher, "7A", 5, ani, ben, cem);
    }

    private static String extraSession(String title, String from, String to) {
        return school.as(teacher, "learning-service").body(Map.of("date", TODAY.toString(), "startsAt", from, "endsAt", to,
                        "title", title)).post("/api/v1/classes/{id}/attendance/sessions", classId)
                .then().statusCode(201).extract().path("id");
    }

    private static Response mark(String session, List<Map<String, Object>> marks, boolean restPresent) {
        return school.as(teacher, "learning-service").body(Map.of("marks", marks, "restPresent", restPresent))
                .put("/api/v1/attendance/sessions/{id}/marks", session);
    }

    @Test
    void shouldTakeAClassRegisterInOneRequestAndShowItToTeacherAndStudent() {
        String session = extraSession("Morning register", "07:30", "07:45");
        // One bad entry refuses the whole request and writes nothing.
        mark(session, List.of(Map.of("studentId", ben.id(), "status", "LATE", "minutesLate", 7),
                Map.of("studentId", cem.id(), "status", "ON_THE_MOON")), false).then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("VALIDATION_ERROR"));
        school.as(teacher, "learning-service").get("/api/v1/attendance/sessions/{id}/marks", session).then().statusCode(200)
                .body("marks", hasSize(0));

        mark(session, List.of(Map.of("studentId", ben.id(), "status", "LATE", "minutesLate", 7)), true).then().statusCode(200)
                .body("marks", hasSize(3));
        Response register = school.as(teacher, "learning-service")
                .get("/api/v1/classes/{id}/attendance/register?from={d}&to={d}", classId, TODAY.toString(), TODAY.toString());
        register.then().statusCode(200);
        assertEquals("LATE", register.path("rows.find { it.studentId == '" + ben.id() + "' }.marks." + session));
        assertEquals("PRESENT", register.path("rows.find { it.studentId == '" + cem.id() + "' }.marks." + session));

        school.as(ben, "learning-service").get("/api/v1/students/{id}/attendance?classId={c}", ben.id(), classId).then()
                .statusCode(200).body("summary.counts.LATE", equalTo(1)).body("items[0].minutesLate", equalTo(7));
        school.as(ben, "learning-service").get("/api/v1/students/{id}/attendance", cem.id()).then().statusCode(404)
                .contentType("application/problem+json");
        school.as(ben, "learning-service").get("/api/v1/classes/{id}/attendance/register", classId).then().statusCode(403);
    }

    @Test
    void shouldTellAStudentOverSseAndByMailWhenTheirAbsencesReachTheLimit() throws Exception {
        String session = extraSession("Afternoon register", "13:00", "13:15");
        try (SseClient stream = SseClient.connect(system.url("notification-service") + "/api/v1/notifications/stream",
                Map.of("Authorization", "Bearer " + ani.accessToken()))) {
            assertEquals(200, stream.status());
            mark(session, List.of(Map.of("studentId", ani.id(), "status", "ABSENT", "remark", "No word from home")), false)
                    .then().statusCode(200);
            SseClient.Event event = stream.awaitEventContaining("Absence limit reached in 7A", WAIT);
            assertNotNull(event, "no absence-limit notification over SSE");
            assertEquals("kelas.learning.attendance.absence-limit-reached", event.name());
            assertNotNull(event.id(), "a stored notification has an id to resume from");
        }
        Awaitility.await().atMost(WAIT).until(() -> system.mails().stream().anyMatch(mail ->
                String.valueOf(mail.get("to")).contains(ani.email()) && String.valueOf(mail.get("subject")).contains("Absence limit")));
        Awaitility.await().atMost(WAIT).until(() -> school.as(teacher, "notification-service").get("/api/v1/notifications")
                .jsonPath().getList("items.title").contains("Absence limit reached: Ani Absent in 7A"));
        school.as(teacher, "learning-service").get("/api/v1/attendance/at-risk?classId={c}", classId).then().statusCode(200)
                .body("items.find { it.studentId == '" + ani.id() + "' }.absences", equalTo(1));
    }

    @Test
    void shouldServeAStudentsCalendarAsAFeedThatIcal4jReads() throws Exception {
        LocalDate examDay = TODAY.plusDays(3);
        school.as(school.admin, "learning-service").body(Map.of("type", "EXAM", "title", "Algebra exam", "allDay", false,
                        "startsAt", examDay + "T08:00:00", "endsAt", examDay + "T09:30:00", "audience", "CLASS", "classId", classId))
                .post("/api/v1/calendar/events").then().statusCode(201);
        school.as(school.admin, "learning-service").body(Map.of("type", "SCHOOL_EVENT", "title", "Sports day", "allDay", true,
                        "startDate", TODAY.plusDays(5).toString(), "audience", "SCHOOL"))
                .post("/api/v1/calendar/events").then().statusCode(201);
        String path = school.as(cem, "learning-service").post("/api/v1/calendar/feed-token").then().statusCode(201)
                .extract().path("path");

        Response feed = given().baseUri(system.url("learning-service")).get(path);
        feed.then().statusCode(200).contentType(startsWith("text/calendar"));
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.asString()));
        List<String> summaries = calendar.<VEvent>getComponents(Component.VEVENT).stream()
                .map(event -> event.getSummary().getValue()).toList();
        assertTrue(summaries.contains("Algebra exam"), summaries.toString());
        assertTrue(summaries.contains("Sports day"), summaries.toString());
        Awaitility.await().atMost(WAIT).until(() -> school.as(cem, "notification-service").get("/api/v1/notifications")
                .jsonPath().getList("items.title").contains("New calendar event: Algebra exam"));

        School other = School.register(system, "Other School");
        School.Person stranger = other.createUser("STUDENT", "Sam Stranger");
        String strangerFeed = other.as(stranger, "learning-service").post("/api/v1/calendar/feed-token").then().statusCode(201)
                .extract().path("path");
        String theirs = given().baseUri(system.url("learning-service")).get(strangerFeed).then().statusCode(200).extract().asString();
        assertFalse(theirs.contains("Algebra exam") || theirs.contains("Sports day"), "another school's feed shows our events");
    }

    @Test
    void shouldDeliverAScheduledAnnouncementOverSseWhenItsTimeComes() throws Exception {
        Instant publishAt = Instant.now().plusSeconds(3);
        try (SseClient stream = SseClient.connect(system.url("notification-service") + "/api/v1/notifications/stream",
                Map.of("Authorization", "Bearer " + cem.accessToken()))) {
            school.as(teacher, "learning-service").body(Map.of("title", "Trip tomorrow", "body", "Bring **water**.",
                            "audience", "CLASS", "classId", classId, "publishAt", publishAt.toString()))
                    .post("/api/v1/announcements").then().statusCode(201).body("status", equalTo("SCHEDULED"));
            school.as(cem, "learning-service").get("/api/v1/announcements").then().statusCode(200)
                    .body("items.findAll { it.title == 'Trip tomorrow' }", hasSize(0));
            SseClient.Event event = stream.awaitEventContaining("Trip tomorrow", WAIT);
            Instant arrived = Instant.now();
            assertNotNull(event, "the scheduled announcement never arrived");
            assertEquals("kelas.learning.announcement.published", event.name());
            assertFalse(arrived.isBefore(publishAt), "arrived at " + arrived + ", before its publishAt " + publishAt);
        }
        school.as(cem, "learning-service").get("/api/v1/announcements").then().statusCode(200)
                .body("items.find { it.title == 'Trip tomorrow' }.read", equalTo(false));
    }
}
