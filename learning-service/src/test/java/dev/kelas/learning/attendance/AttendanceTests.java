package dev.kelas.learning.attendance;

import static dev.kelas.learning.testing.TestSchool.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kelas.contracts.Role;
import dev.kelas.contracts.Subjects;
import dev.kelas.learning.testing.LearningTestEnvironment;
import dev.kelas.learning.testing.TestSchool;
import dev.kelas.learning.testing.TestSchool.Person;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The register: sessions from the timetable and the calendar, marking all or nothing, corrections in the audit
 * trail, the absence limit with the lates rule, and the attendance percentage.
 */
@QuarkusTest
@WithTestResource(LearningTestEnvironment.class)
class AttendanceTests {
    TestSchool school;
    Person teacher;
    List<Person> students;
    String classId;
    String math;
    String mondaySlot;
    String wednesdaySlot;
    /** A Monday two weeks back: its week is in the past and inside the term. */
    LocalDate monday;
    LocalDate today;

    @BeforeEach
    void setUp() {
        school = TestSchool.create();
        today = LocalDate.now(ZoneOffset.UTC);
        as(school.admin).body(Map.of("name", "Semester 1", "schoolYear", "2026/2027", "semester", 1,
                        "startsOn", today.minusDays(70).toString(), "endsOn", today.plusDays(30).toString(), "active", true))
                .post("/api/v1/terms").then().statusCode(201);
        math = school.createSubject("MATH");
        teacher = school.user(Role.TEACHER, "Tia Teacher");
        students = school.users(Role.STUDENT, List.of("Ana A", "Ben B", "Cem C"));
        classId = school.createClass(teacher, "7A");
        school.enroll(teacher, classId, students.toArray(Person[]::new));
        TestSchool.enrolledSince(classId, today.minusDays(70).atStartOfDay().toInstant(ZoneOffset.UTC));
        mondaySlot = slot("MONDAY", "08:00", "09:00");
        wednesdaySlot = slot("WEDNESDAY", "10:00", "11:00");
        monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(2);
    }

    @Test
    void shouldListTheTimetablesLessonsAndDailyRegistersExceptOnAHoliday() {
        holiday(monday.plusDays(2));

        Response response = sessions(monday, monday.plusDays(6));
        response.then().statusCode(200);
        List<Map<String, Object>> sessions = response.jsonPath().getList("$");
        // Monday: daily + lesson; Tuesday, Thursday, Friday: daily; Wednesday is a holiday (no lesson, no register); no weekend.
        assertEquals(List.of("DAILY:" + classId + ":" + monday, "LESSON:" + mondaySlot + ":" + monday,
                "DAILY:" + classId + ":" + monday.plusDays(1), "DAILY:" + classId + ":" + monday.plusDays(3),
                "DAILY:" + classId + ":" + monday.plusDays(4)), sessions.stream().map(s -> s.get("key")).toList());
        response.then().body("[1].kind", equalTo("LESSON")).body("[1].subjectId", equalTo(math))
                .body("[1].teacherId", equalTo(teacher.sid())).body("[1].startsAt", equalTo("08:00:00"))
                .body("[1].id", nullValue()).body("[1].marked", equalTo(0));
    }

    @Test
    void shouldStoreTheDailyRegisterOnceWhenFirstMarked() {
        String key = "DAILY:" + classId + ":" + monday;
        String id = mark(key, List.of(mark(students.get(0), "PRESENT")), Map.of()).then().statusCode(200)
                .body("session.kind", equalTo("DAILY")).extract().path("session.id");
        // The generated key still names the stored session.
        mark(key, List.of(mark(students.get(1), "ABSENT")), Map.of()).then().statusCode(200).body("session.id", equalTo(id))
                .body("marks", hasSize(2));
        assertEquals(1, TestSchool.count("select count(*) from attendance_session where class_id = ? and kind = 'DAILY'",
                UUID.fromString(classId)));
        sessions(monday, monday).then().statusCode(200)
                .body("find { it.kind == 'DAILY' }.id", equalTo(id))
                .body("find { it.kind == 'DAILY' }.key", equalTo(id))
                .body("find { it.kind == 'DAILY' }.marked", equalTo(2))
                .body("find { it.kind == 'DAILY' }.counts.ABSENT", equalTo(1));
    }

    @Test
    void shouldRefuseAMarkForAStudentWhoJoinedAfterTheSessionsDate() {
        Person late = school.user(Role.STUDENT, "Lu Later");
        school.enroll(teacher, classId, late);
        TestSchool.update("update enrollment set created_at = ? where student_id = ?",
                java.sql.Timestamp.from(monday.plusDays(2).atTime(9, 0).toInstant(ZoneOffset.UTC)), late.id());

        mark(lesson(mondaySlot, monday), List.of(mark(late, "ABSENT")), Map.of()).then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("VALIDATION_ERROR"))
                .body("errors[0].field", equalTo("marks[0].studentId"))
                .body("errors[0].message", containsString("not enrolled"));
        // From the day they joined, they are on the register; restPresent on Monday leaves them out.
        mark(lesson(mondaySlot, monday), List.of(), Map.of("restPresent", true)).then().statusCode(200).body("marks", hasSize(3))
                .body("marks.studentId", containsInAnyOrder(students.stream().map(Person::sid).toArray()));
        mark(lesson(wednesdaySlot, monday.plusDays(2)), List.of(mark(late, "PRESENT")), Map.of()).then().statusCode(200);
    }

    @Test
    void shouldWriteNoMarkWhenOneEntryOfTheBatchIsBad() {
        Person stranger = school.user(Role.STUDENT, "Sol Stranger");
        mark(lesson(mondaySlot, monday), List.of(mark(students.get(0), "PRESENT"), mark(students.get(1), "ASLEEP"),
                        mark(stranger, "ABSENT"), Map.of("studentId", students.get(2).sid(), "status", "PRESENT", "minutesLate", 5)), Map.of())
                .then().statusCode(422).body("code", equalTo("VALIDATION_ERROR"))
                .body("errors.field", containsInAnyOrder("marks[1].status", "marks[2].studentId", "marks[3].minutesLate"));
        assertEquals(0, TestSchool.count("select count(*) from attendance_mark m join attendance_session s on s.id = m.session_id"
                + " where s.class_id = ?", UUID.fromString(classId)));
        assertEquals(0, TestSchool.count("select count(*) from attendance_session where class_id = ?", UUID.fromString(classId)));
        assertEquals(0, TestSchool.count("select count(*) from outbox_event where type = ? and tenant_id = ?",
                Subjects.LEARNING_ATTENDANCE_MARKED, school.tenantId));
    }

    @Test
    void shouldMarkEveryOtherEnrolledStudentPresent() {
        mark(lesson(mondaySlot, monday), List.of(Map.of("studentId", students.get(0).sid(), "status", "LATE", "minutesLate", 12)),
                Map.of("restPresent", true)).then().statusCode(200)
                .body("marks", hasSize(3))
                .body("marks.find { it.studentId == '" + students.get(0).sid() + "' }.status", equalTo("LATE"))
                .body("marks.find { it.studentId == '" + students.get(0).sid() + "' }.minutesLate", equalTo(12))
                .body("marks.find { it.studentId == '" + students.get(1).sid() + "' }.status", equalTo("PRESENT"))
                .body("marks.find { it.studentId == '" + students.get(2).sid() + "' }.status", equalTo("PRESENT"));
        // One event for the whole request.
        assertEquals(1, TestSchool.count("select count(*) from outbox_event where type = ? and tenant_id = ?",
                Subjects.LEARNING_ATTENDANCE_MARKED, school.tenantId));
        assertEquals(3, TestSchool.count("select jsonb_array_length(payload -> 'marks') from outbox_event where type = ? and tenant_id = ?",
                Subjects.LEARNING_ATTENDANCE_MARKED, school.tenantId));
    }

    @Test
    void shouldNeedAReasonToCorrectAMarkAfterTheDayAndKeepTheChangeForever() {
        String session = mark(lesson(mondaySlot, monday), List.of(mark(students.get(0), "ABSENT")), Map.of()).then().statusCode(200)
                .extract().path("session.id");
        mark(session, List.of(mark(students.get(0), "EXCUSED")), Map.of()).then().statusCode(422)
                .body("errors[0].field", equalTo("reason"));
        // Re-sending the same mark is no change and needs no reason.
        mark(session, List.of(mark(students.get(0), "ABSENT")), Map.of()).then().statusCode(200);
        assertEquals(0, TestSchool.count("select count(*) from attendance_mark_change where session_id = ?", UUID.fromString(session)));

        mark(session, List.of(mark(students.get(0), "EXCUSED")), Map.of("reason", "Doctor's note")).then().statusCode(200)
                .body("marks[0].status", equalTo("EXCUSED"));
        as(teacher).get("/api/v1/attendance/sessions/{id}/changes", session).then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].studentId", equalTo(students.get(0).sid()))
                .body("[0].oldStatus", equalTo("ABSENT")).body("[0].newStatus", equalTo("EXCUSED"))
                .body("[0].reason", equalTo("Doctor's note")).body("[0].changedBy", equalTo(teacher.sid()))
                .body("[0].changedAt", notNullValue());
        SQLException refused = assertThrows(SQLException.class, () -> sql("update attendance_mark_change set reason = 'x' where session_id = '"
                + session + "'"));
        assertTrue(refused.getMessage().contains("audit trail"), refused.getMessage());
        assertThrows(SQLException.class, () -> sql("delete from attendance_mark_change where session_id = '" + session + "'"));
    }

    @Test
    void shouldAnnounceTheAbsenceLimitOnceWithLatesCountedByTheRule() {
        as(school.admin).body(Map.of("absenceLimit", 2, "latesPerAbsence", 3)).put("/api/v1/attendance/settings").then().statusCode(200)
                .body("absenceLimit", equalTo(2));
        Person ana = students.get(0);
        mark(daily(monday), List.of(mark(ana, "ABSENT")), Map.of()).then().statusCode(200);
        mark(daily(monday.plusDays(1)), List.of(mark(ana, "LATE")), Map.of()).then().statusCode(200);
        mark(daily(monday.plusDays(2)), List.of(mark(ana, "LATE")), Map.of()).then().statusCode(200);
        // 1 absence + 2 lates (0 absences by the rule): not yet.
        assertEquals(0, limitEvents());
        mark(daily(monday.plusDays(3)), List.of(mark(ana, "LATE")), Map.of()).then().statusCode(200);
        // 1 absence + 3 lates = 2: reached.
        assertEquals(1, limitEvents());
        mark(daily(monday.plusDays(4)), List.of(mark(ana, "ABSENT")), Map.of()).then().statusCode(200);
        assertEquals(1, limitEvents());
        assertEquals(2, TestSchool.count("select (payload ->> 'absences')::int from outbox_event where type = ? and tenant_id = ?",
                Subjects.LEARNING_ATTENDANCE_ABSENCE_LIMIT_REACHED, school.tenantId));
        as(teacher).get("/api/v1/attendance/at-risk").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].studentId", equalTo(ana.sid())).body("items[0].absences", equalTo(3));
    }

    @Test
    void shouldComputeThePercentageAsPointsOverTheBestStatusTimesSessionsMarked() {
        Person ana = students.get(0);
        mark(daily(monday), List.of(mark(ana, "PRESENT")), Map.of()).then().statusCode(200);
        mark(daily(monday.plusDays(1)), List.of(mark(ana, "LATE")), Map.of()).then().statusCode(200);
        mark(daily(monday.plusDays(2)), List.of(mark(ana, "ABSENT")), Map.of()).then().statusCode(200);
        mark(daily(monday.plusDays(3)), List.of(mark(ana, "EXCUSED")), Map.of()).then().statusCode(200);
        mark(lesson(mondaySlot, monday), List.of(mark(ana, "LATE")), Map.of()).then().statusCode(200);
        mark(lesson(wednesdaySlot, monday.plusDays(2)), List.of(mark(ana, "PRESENT")), Map.of()).then().statusCode(200);

        // (2 + 1 + 0 + 2 + 1 + 2) / (2 * 6) * 100 = 66.666... = 66.67 (half up); one absence, 2 lates (fewer than 3: no absence).
        as(ana).get("/api/v1/students/{id}/attendance?size=2", ana.sid()).then().statusCode(200)
                .body("summary.percentage", equalTo(66.67f)).body("summary.marked", equalTo(6))
                .body("summary.absences", equalTo(1)).body("summary.counts.LATE", equalTo(2))
                .body("total", equalTo(6)).body("items", hasSize(2));
        // Math is the two lessons: LATE and PRESENT, (1 + 2) / (2 * 2) * 100 = 75.00.
        as(teacher).get("/api/v1/classes/{id}/attendance/summary", classId).then().statusCode(200)
                .body("subjectPercentages." + math, equalTo(75.0f))
                .body("classPercentage", equalTo(66.67f))
                .body("students.find { it.studentId == '" + ana.sid() + "' }.summary.percentage", equalTo(66.67f));
        // Another student does not see Ana's.
        as(students.get(1)).get("/api/v1/students/{id}/attendance", ana.sid()).then().statusCode(404);
    }

    @Test
    void shouldReportTheWholeSchoolsTermToAnAdministratorOnly() {
        as(school.admin).body(Map.of("absenceLimit", 1, "latesPerAbsence", 2)).put("/api/v1/attendance/settings").then().statusCode(200);
        Person ana = students.get(0);
        Person ben = students.get(1);
        mark(daily(monday), List.of(mark(ana, "ABSENT"), mark(ben, "LATE")), Map.of("restPresent", true)).then().statusCode(200);
        mark(daily(monday.plusDays(1)), List.of(mark(ben, "LATE")), Map.of("restPresent", true)).then().statusCode(200);

        // Ana: ABSENT, PRESENT (2 of 4 points: 50.00, 1 absence); Ben: LATE, LATE (2 of 4: 50.00; 2 lates = 1 absence by
        // the rule); Cem: PRESENT, PRESENT (100.00). The class: 8 of 12 points = 66.67; two students at the limit of 1.
        Response report = as(school.admin).get("/api/v1/attendance/report?size=2");
        report.then().statusCode(200).body("absenceLimit", equalTo(1)).body("schoolPercentage", equalTo(66.67f))
                .body("classes", hasSize(1)).body("classes[0].classId", equalTo(classId))
                .body("classes[0].students", equalTo(3)).body("classes[0].marked", equalTo(6))
                .body("classes[0].percentage", equalTo(66.67f)).body("classes[0].atOrPastLimit", equalTo(2))
                .body("total", equalTo(3)).body("students", hasSize(2))
                .body("students[0].name", equalTo("Ana A")).body("students[0].summary.absences", equalTo(1))
                .body("students[0].atOrPastLimit", equalTo(true))
                .body("students[1].name", equalTo("Ben B")).body("students[1].summary.percentage", equalTo(50.0f))
                .body("students[1].atOrPastLimit", equalTo(true));
        as(school.admin).get("/api/v1/attendance/report?page=1&size=2").then().statusCode(200)
                .body("students[0].name", equalTo("Cem C")).body("students[0].summary.percentage", equalTo(100.0f))
                .body("students[0].atOrPastLimit", equalTo(false));
        as(teacher).get("/api/v1/attendance/report").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        as(school.admin).get("/api/v1/attendance/report?size=1001").then().statusCode(422).body("code", equalTo("VALIDATION_ERROR"));
        as(school.admin).get("/api/v1/attendance/report?termId={t}", java.util.UUID.randomUUID().toString()).then().statusCode(404);
    }

    @Test
    void shouldRefuseToRemoveAStatusInUse() {
        mark(daily(monday), List.of(mark(students.get(0), "ABSENT")), Map.of()).then().statusCode(200);
        List<Map<String, Object>> withoutAbsent = List.of(
                Map.of("code", "PRESENT", "label", "Present", "points", 2, "countsAsAbsence", false),
                Map.of("code", "LATE", "label", "Late", "points", 1, "countsAsAbsence", false));
        as(school.admin).body(Map.of("statuses", withoutAbsent)).put("/api/v1/attendance/statuses").then().statusCode(409)
                .body("code", equalTo("CONFLICT"));
        as(school.admin).get("/api/v1/attendance/statuses").then().statusCode(200).body("code", hasSize(4));
    }

    @Test
    void shouldReplaceTheStatusSetInItsOrder() {
        List<Map<String, Object>> statuses = List.of(
                Map.of("code", "ONLINE", "label", "Attended online", "points", 1.5, "countsAsAbsence", false),
                Map.of("code", "PRESENT", "label", "Present", "points", 2, "countsAsAbsence", false),
                Map.of("code", "ABSENT", "label", "Absent", "points", 0, "countsAsAbsence", true));
        as(school.admin).body(Map.of("statuses", statuses)).put("/api/v1/attendance/statuses").then().statusCode(200);
        as(teacher).get("/api/v1/attendance/statuses").then().statusCode(200)
                .body("code", equalTo(List.of("ONLINE", "PRESENT", "ABSENT"))).body("[0].points", equalTo(1.5f))
                .body("position", equalTo(List.of(0, 1, 2)));
        // LATE is gone: a mark with it is refused; the new status is taken.
        mark(daily(monday), List.of(mark(students.get(0), "LATE"), mark(students.get(1), "ONLINE")), Map.of()).then().statusCode(422)
                .body("errors.field", equalTo(List.of("marks[0].status")));
        as(teacher).body(Map.of("statuses", statuses)).put("/api/v1/attendance/statuses").then().statusCode(403);
    }

    @Test
    void shouldNotShowAnotherSchoolsClassOrSession() {
        String session = mark(daily(monday), List.of(mark(students.get(0), "PRESENT")), Map.of()).then().statusCode(200)
                .extract().path("session.id");
        TestSchool other = TestSchool.create();
        Person stranger = other.user(Role.TEACHER, "Otto Other");
        as(stranger).get("/api/v1/classes/{id}/attendance/sessions", classId).then().statusCode(404);
        as(stranger).get("/api/v1/attendance/sessions/{id}/marks", session).then().statusCode(404);
        as(stranger).body(Map.of("marks", List.of(mark(students.get(0), "ABSENT")))).put("/api/v1/attendance/sessions/{id}/marks", session)
                .then().statusCode(404);
        as(other.admin).get("/api/v1/students/{id}/attendance", students.get(0).sid()).then().statusCode(404);
    }

    @Test
    void shouldGuardTheRegisterCsvAgainstFormulas() {
        Person evil = school.user(Role.STUDENT, "=HYPERLINK(1)");
        school.enroll(teacher, classId, evil);
        TestSchool.enrolledSince(classId, today.minusDays(70).atStartOfDay().toInstant(ZoneOffset.UTC));
        mark(daily(monday), List.of(mark(evil, "PRESENT")), Map.of()).then().statusCode(200);
        String csv = as(teacher).get("/api/v1/classes/{id}/attendance/register.csv?from={f}&to={t}", classId, monday.toString(), monday.toString())
                .then().statusCode(200).extract().asString();
        assertTrue(csv.contains("'=HYPERLINK(1)"), csv);
        assertTrue(csv.contains(monday + " DAILY"), csv);
    }

    private int limitEvents() {
        return (int) TestSchool.count("select count(*) from outbox_event where type = ? and tenant_id = ?",
                Subjects.LEARNING_ATTENDANCE_ABSENCE_LIMIT_REACHED, school.tenantId);
    }

    private String slot(String day, String from, String to) {
        return as(school.admin).body(Map.of("classId", classId, "subjectId", math, "teacherId", teacher.sid(), "room", "R1",
                "dayOfWeek", day, "startsAt", from, "endsAt", to)).post("/api/v1/schedule/slots").then().statusCode(201).extract().path("id");
    }

    private Response sessions(LocalDate from, LocalDate to) {
        return as(teacher).get("/api/v1/classes/{id}/attendance/sessions?from={f}&to={t}", classId, from.toString(), to.toString());
    }

    private String daily(LocalDate date) {
        return "DAILY:" + classId + ":" + date;
    }

    private static String lesson(String slotId, LocalDate date) {
        return "LESSON:" + slotId + ":" + date;
    }

    private static Map<String, Object> mark(Person student, String status) {
        return Map.of("studentId", student.sid(), "status", status);
    }

    private Response mark(String session, List<Map<String, Object>> marks, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("marks", marks);
        return as(teacher).body(body).put("/api/v1/attendance/sessions/{s}/marks", session);
    }

    private void holiday(LocalDate day) {
        TestSchool.update("insert into calendar_event (id, tenant_id, type, title, all_day, starts_local, ends_local, audience, author_id,"
                        + " created_at, updated_at) values (?, ?, 'HOLIDAY', 'Founders day', true, ?, ?, 'SCHOOL', ?, ?, ?)",
                UUID.randomUUID(), school.tenantId, day.atStartOfDay(), day.plusDays(1).atStartOfDay(), school.admin.id(),
                OffsetDateTime.now(), OffsetDateTime.now());
    }

    private static void sql(String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection(LearningTestEnvironment.jdbcUrl());
             Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }
}
