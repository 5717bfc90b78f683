package dev.kelas.learning.analytics;

import static dev.kelas.learning.testing.TestSchool.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.kelas.contracts.Role;
import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.Verdict;
import dev.kelas.contracts.events.AttendanceMarked;
import dev.kelas.contracts.events.BehaviorRecorded;
import dev.kelas.contracts.events.GradeRecorded;
import dev.kelas.contracts.events.GradeReleased;
import dev.kelas.contracts.events.SubmissionGraded;
import dev.kelas.learning.testing.LearningTestEnvironment;
import dev.kelas.learning.testing.NatsBus;
import dev.kelas.learning.testing.TestSchool;
import dev.kelas.learning.testing.TestSchool.Person;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A rebuild replays the streams into an emptied read model and ends with exactly the rows the live consumers wrote. */
@QuarkusTest
@WithTestResource(LearningTestEnvironment.class)
class AnalyticsRebuildTests {
    static final List<String> TABLES = List.of("analytics_enrollment", "analytics_assignment", "analytics_hand_in",
            "analytics_grade", "analytics_attendance", "analytics_behavior", "analytics_lab_attempt", "analytics_class", "analytics_activity", "analytics_watermark");

    @Test
    void shouldRebuildTheSchoolsReadModelEqualToTheLiveOne() {
        TestSchool school = TestSchool.create();
        school.createTerm("2026/2027", 1, true);
        TestSchool.Classroom room = school.classroom("Rita Rebuild", "9A", "Ron Student", "Rae Student");
        UUID classId = UUID.fromString(room.classId());
        Person ron = room.students().get(0);
        Person rae = room.students().get(1);
        Instant at = Instant.parse("2026-11-02T09:00:00Z");
        UUID grade = UUID.randomUUID();
        UUID assignment = UUID.randomUUID();
        publish(school, Subjects.LEARNING_GRADE_RECORDED, new GradeRecorded(grade, assignment, classId, ron.id(), "Quiz",
                new BigDecimal("7"), BigDecimal.TEN, "TEACHER", at));
        publish(school, Subjects.LEARNING_GRADE_RELEASED, new GradeReleased(grade, assignment, classId, ron.id(), "Quiz",
                new BigDecimal("7"), BigDecimal.TEN, false, at.plusSeconds(5)));
        UUID session = UUID.randomUUID();
        publish(school, Subjects.LEARNING_ATTENDANCE_MARKED, new AttendanceMarked(session, classId, null, LocalDate.of(2026, 11, 2),
                room.teacher().id(), List.of(new AttendanceMarked.Mark(rae.id(), "ABSENT", true, null, false)), at));
        publish(school, Subjects.LEARNING_ATTENDANCE_MARKED, new AttendanceMarked(session, classId, null, LocalDate.of(2026, 11, 2),
                room.teacher().id(), List.of(new AttendanceMarked.Mark(rae.id(), "PRESENT", false, null, true)), at.plusSeconds(9)));
        publish(school, Subjects.LEARNING_BEHAVIOR_RECORDED, new BehaviorRecorded(UUID.randomUUID(), rae.id(), classId,
                room.teacher().id(), "POSITIVE", "HELPFUL", 2, true, null, LocalDate.of(2026, 11, 2), at));
        publish(school, Subjects.LAB_SUBMISSION_GRADED, new SubmissionGraded(UUID.randomUUID(), UUID.randomUUID(), assignment,
                classId, ron.id(), Verdict.ACCEPTED, BigDecimal.TEN, BigDecimal.TEN, List.of(Verdict.ACCEPTED), at));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                TestSchool.count("select count(*) from analytics_enrollment where tenant_id = ?", school.tenantId) == 2
                        && TestSchool.count("select count(*) from analytics_grade where tenant_id = ? and released and recorded_score = 7",
                        school.tenantId) == 1
                        && TestSchool.count("select count(*) from analytics_attendance where tenant_id = ? and status = 'PRESENT'",
                        school.tenantId) == 1
                        && TestSchool.count("select count(*) from analytics_behavior where tenant_id = ?", school.tenantId) == 1
                        && TestSchool.count("select count(*) from analytics_lab_attempt where tenant_id = ?", school.tenantId) == 1);
        Map<String, String> live = snapshot(school.tenantId);
        TestSchool.update("update analytics_behavior set points = 99 where tenant_id = ?", school.tenantId);
        TestSchool.update("delete from analytics_grade where tenant_id = ?", school.tenantId);
        assertNotEquals(live, snapshot(school.tenantId));

        as(room.teacher()).post("/api/v1/analytics/rebuild").then().statusCode(403);
        String location = as(school.admin).post("/api/v1/analytics/rebuild").then().statusCode(202)
                .body("state", equalTo("RUNNING")).extract().header("Location");
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                as(school.admin).get(location).then().statusCode(200).body("state", equalTo("FINISHED")));
        assertEquals(live, snapshot(school.tenantId));
        as(school.user(Role.ADMIN, "Other Admin")).get(location).then().statusCode(200);
        as(TestSchool.create().admin).get(location).then().statusCode(404);
    }

    private static void publish(TestSchool school, String subject, Object event) {
        NatsBus.get().publish(subject, school.tenantId, UUID.randomUUID().toString(), event);
    }

    /** Every analytics row of the school as text, per table. */
    private static Map<String, String> snapshot(UUID tenant) {
        Map<String, String> rows = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(LearningTestEnvironment.jdbcUrl())) {
            for (String table : TABLES) {
                try (PreparedStatement statement = connection.prepareStatement(
                        "select coalesce(string_agg(t::text, '|' order by t::text), '') from " + table + " t where tenant_id = ?")) {
                    statement.setObject(1, tenant);
                    try (ResultSet result = statement.executeQuery()) {
                        result.next();
                        rows.put(table, result.getString(1));
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }
}
