package dev.kelas.learning.analytics;

import static dev.kelas.learning.testing.TestSchool.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.kelas.contracts.Role;
import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.Verdict;
import dev.kelas.contracts.events.AssignmentPublished;
import dev.kelas.contracts.events.AttendanceMarked;
import dev.kelas.contracts.events.BehaviorRecorded;
import dev.kelas.contracts.events.EnrollmentCreated;
import dev.kelas.contracts.events.EnrollmentTransferred;
import dev.kelas.contracts.events.GradeRecorded;
import dev.kelas.contracts.events.GradeReleased;
import dev.kelas.contracts.events.SubmissionGraded;
import dev.kelas.contracts.events.SubmissionReceived;
import dev.kelas.learning.testing.LearningTestEnvironment;
import dev.kelas.learning.testing.NatsBus;
import dev.kelas.learning.testing.TestSchool;
import dev.kelas.learning.testing.TestSchool.Person;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The student dashboard and the class leaderboard against hand-computed figures. The class, its teacher and its
 * students are made through the API (their enrollment events feed the read model); grades, marks, notes and lab
 * verdicts are published on the private nats-server as their producers would.
 */
@QuarkusTest
@WithTestResource(LearningTestEnvironment.class)
class AnalyticsDashboardTests {
    static final Instant MON = Instant.parse("2026-11-02T09:00:00Z");
    static final BigDecimal TEN = BigDecimal.TEN;

    TestSchool school;
    Person ana;
    Person sam;
    Person sue;
    Person tom;
    Person dan;
    UUID classId;

    @BeforeEach
    void setUp() {
        school = TestSchool.create();
        school.createTerm("2026/2027", 1, true);
        TestSchool.Classroom room = school.classroom("Ana Analytics", "8A", "Sam Student", "Sue Student", "Tom Student", "Dan Student");
        ana = room.teacher();
        sam = room.students().get(0);
        sue = room.students().get(1);
        tom = room.students().get(2);
        dan = room.students().get(3);
        classId = UUID.fromString(room.classId());
    }

    @Test
    void shouldShowAStudentTheirFiguresFromReleasedGradesOnly() {
        Instant now = Instant.now();
        UUID overdue = assignment("Overdue essay", now.minus(Duration.ofDays(2)));
        UUID upcoming = assignment("Next essay", now.plus(Duration.ofDays(3)));
        UUID handedIn = assignment("Handed in", now.minus(Duration.ofDays(1)));
        UUID graded = assignment("Graded early", now.plus(Duration.ofDays(5)));
        publish(Subjects.LEARNING_SUBMISSION_RECEIVED, new SubmissionReceived(UUID.randomUUID(), handedIn, classId, sam.id(), 1,
                false, BigDecimal.ZERO, now));
        // Released: 80 % and 60 % in the week of 2 November, 90 % in the week of 9 November, one excused.
        released(sam, "8", MON, false);
        released(sam, "6", MON.plus(Duration.ofDays(2)), false);
        released(sam, "9", MON.plus(Duration.ofDays(8)), false);
        released(sam, "0", MON.plus(Duration.ofDays(9)), true);
        // Recorded and never released: counts for nothing the student sees (but the work is no longer open).
        publish(Subjects.LEARNING_GRADE_RECORDED, new GradeRecorded(UUID.randomUUID(), graded, classId, sam.id(), "Graded early",
                new BigDecimal("2"), TEN, "TEACHER", MON));
        // Four sessions: present, absent, late, and absent corrected to present: 3 of 4 not absent = 75.0 %.
        mark(UUID.randomUUID(), LocalDate.of(2026, 11, 2), sam, "PRESENT", false);
        mark(UUID.randomUUID(), LocalDate.of(2026, 11, 3), sam, "ABSENT", true);
        mark(UUID.randomUUID(), LocalDate.of(2026, 11, 4), sam, "LATE", false);
        UUID corrected = UUID.randomUUID();
        mark(corrected, LocalDate.of(2026, 11, 5), sam, "ABSENT", true);
        mark(corrected, LocalDate.of(2026, 11, 5), sam, "PRESENT", false);
        // Behaviour: +2 and -1 visible, +5 staff-only: the student sees 1.
        note(sam, 2, true);
        note(sam, -1, true);
        note(sam, 5, false);
        // Lab: task 1 tried twice and solved (best 10), task 2 tried once (best 4).
        UUID task1 = UUID.fromString("00000000-0000-0000-0000-000000000001");
        UUID task2 = UUID.fromString("00000000-0000-0000-0000-000000000002");
        lab(sam, task1, Verdict.WRONG_ANSWER, "3");
        lab(sam, task1, Verdict.ACCEPTED, "10");
        lab(sam, task2, Verdict.WRONG_ANSWER, "4");

        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                as(sam).get("/api/v1/analytics/students/" + sam.id() + "/dashboard").then().statusCode(200)
                        .body("upcoming.assignmentId", contains(upcoming.toString()))
                        .body("overdue.assignmentId", contains(overdue.toString()))
                        .body("recentGrades", hasSize(4))
                        .body("recentGrades[0].excused", equalTo(true))
                        .body("recentGrades[0].percent", nullValue())
                        .body("recentGrades[1].percent", equalTo(90.0f))
                        .body("attendancePercent", equalTo(75.0f))
                        .body("recentAbsences.date", contains("2026-11-03"))
                        .body("behaviorPoints", equalTo(1))
                        .body("lab.tasksTried", equalTo(2))
                        .body("lab.tasksSolved", equalTo(1))
                        .body("lab.bestScores.bestScore", contains(10, 4))
                        .body("gradeTrend.labels", contains("2026-11-02", "2026-11-09"))
                        .body("gradeTrend.values", contains(70.0f, 90.0f))
                        .body("asOf", org.hamcrest.Matchers.notNullValue()));
    }

    @Test
    void shouldRefuseAnotherStudentsDashboardButShowItToTheClassTeacherAndAdmin() {
        as(sue).get("/api/v1/analytics/students/" + sam.id() + "/dashboard").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
        Person other = school.user(Role.TEACHER, "Otto Other");
        as(other).get("/api/v1/analytics/students/" + sam.id() + "/dashboard").then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                as(ana).get("/api/v1/analytics/students/" + sam.id() + "/dashboard").then().statusCode(200)
                        .body("studentId", equalTo(sam.sid())));
        as(school.admin).get("/api/v1/analytics/students/" + sam.id() + "/dashboard").then().statusCode(200);
    }

    @Test
    void shouldRankTiesOneTwoTwoFourAndShowAStudentTheTopAndTheirOwnRank() {
        released(dan, "9", MON, false);                 // 90
        released(sam, "8", MON, false);                 // 80
        released(sue, "6", MON, false);                 // 60 and 100: 80
        released(sue, "10", MON, false);
        released(tom, "7", MON, false);                 // 70; an unreleased 10 does not count
        publish(Subjects.LEARNING_GRADE_RECORDED, new GradeRecorded(UUID.randomUUID(), UUID.randomUUID(), classId, tom.id(), "x",
                TEN, TEN, "TEACHER", MON));
        String board = "/api/v1/analytics/classes/" + classId + "/leaderboard?metric=grade-average";
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                as(ana).get(board).then().statusCode(200)
                        .body("entries.studentId", contains(dan.sid(), min(sam, sue).sid(), max(sam, sue).sid(), tom.sid()))
                        .body("entries.rank", contains(1, 2, 2, 4))
                        .body("entries.value", contains(90.0f, 80.0f, 80.0f, 70.0f))
                        .body("ranked", equalTo(4)));
        as(tom).get(board + "&top=1").then().statusCode(200).body("entries.studentId", contains(dan.sid()))
                .body("me.rank", equalTo(4)).body("me.value", equalTo(70.0f));
        as(school.user(Role.STUDENT, "Stan Stranger")).get(board).then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        as(ana).get("/api/v1/analytics/classes/" + classId + "/leaderboard?metric=height").then().statusCode(422)
                .body("code", equalTo("VALIDATION_ERROR"));
    }

    @Test
    void shouldDropATransferredStudentFromTheOldClassBoardAndRankThemInTheNewOne() {
        UUID otherClass = UUID.randomUUID();
        note(tom, 3, true);
        note(sam, 1, true);
        String enrollmentId = NatsBus.get().awaitEvent(Subjects.LEARNING_ENROLLMENT_CREATED,
                d -> d.path("studentId").asText().equals(tom.sid())).path("data").path("enrollmentId").asText();
        UUID newEnrollment = UUID.randomUUID();
        publish(Subjects.LEARNING_ENROLLMENT_TRANSFERRED, new EnrollmentTransferred(UUID.fromString(enrollmentId), newEnrollment,
                tom.id(), classId, otherClass, "moved", Instant.now()));
        publish(Subjects.LEARNING_ENROLLMENT_CREATED, new EnrollmentCreated(newEnrollment, otherClass, tom.id(), Instant.now(), null));
        String board = "/api/v1/analytics/classes/" + classId + "/leaderboard?metric=behavior";
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                as(ana).get(board).then().statusCode(200).body("entries.studentId", contains(sam.sid()))
                        .body("entries.value", contains(1)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> TestSchool.count(
                "select count(*) from analytics_enrollment where id = ? and class_id = ? and status = 'ACTIVE'", newEnrollment,
                otherClass) == 1);
    }

    @Test
    void shouldAnswerNotModifiedForTheCurrentETagAndANewTagAfterAnEvent() {
        String url = "/api/v1/analytics/students/" + sam.id() + "/dashboard";
        note(sam, 2, true);
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                as(sam).get(url).then().statusCode(200).body("behaviorPoints", equalTo(2)));
        String tag = as(sam).get(url).then().statusCode(200).extract().header("ETag");
        as(sam).header("If-None-Match", tag).get(url).then().statusCode(304);
        note(sam, 1, true);
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                as(sam).header("If-None-Match", tag).get(url).then().statusCode(200).body("behaviorPoints", equalTo(3)));
        assertNotEquals(tag, as(sam).get(url).then().extract().header("ETag"));
    }

    @Test
    void shouldShowTheTeacherWaitingWorkHandInRatesTheHistogramAndStudentsAtRisk() {
        Instant now = Instant.now();
        UUID first = assignment("First", now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(9)));
        UUID second = assignment("Second", now.minus(Duration.ofDays(1)), now.minus(Duration.ofDays(8)));
        UUID third = assignment("Third", now.plus(Duration.ofDays(4)), now.minus(Duration.ofDays(7)));
        handIn(first, sam);
        handIn(first, sue);
        handIn(third, dan);
        recorded(first, sam, "9");   // 90 %: graded, no longer waiting
        recorded(second, sam, "5");  // 50 %: graded without a hand-in counts as done
        mark(UUID.randomUUID(), LocalDate.of(2026, 11, 2), sue, "ABSENT", true);
        mark(UUID.randomUUID(), LocalDate.of(2026, 11, 3), sue, "PRESENT", false);
        String url = "/api/v1/analytics/classes/" + classId + "/dashboard";
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                as(ana).get(url).then().statusCode(200)
                        .body("students", equalTo(4))
                        .body("waitingToBeGraded.assignmentId", contains(first.toString(), third.toString()))
                        .body("waitingToBeGraded.waiting", contains(1, 1))
                        .body("handInRates.assignmentId", contains(first.toString(), second.toString()))
                        .body("handInRates.percent", contains(50.0f, 25.0f))
                        .body("gradeHistogram.values", contains(0, 0, 0, 0, 0, 1, 0, 0, 0, 1))
                        .body("gradeHistogram.labels[9]", equalTo("90-100"))
                        .body("atRisk", hasSize(3))
                        .body("atRisk.find { it.studentId == '" + sue.sid() + "' }.reasons", contains("ATTENDANCE"))
                        .body("atRisk.find { it.studentId == '" + tom.sid() + "' }.reasons", contains("MISSING_WORK"))
                        .body("atRisk.find { it.studentId == '" + dan.sid() + "' }.missingWork", equalTo(2)));
        as(sam).get(url).then().statusCode(403).body("code", equalTo("FORBIDDEN"));
    }

    private UUID assignment(String title, Instant dueAt, Instant publishedAt) {
        UUID id = UUID.randomUUID();
        publish(Subjects.LEARNING_ASSIGNMENT_PUBLISHED, new AssignmentPublished(id, classId, ana.id(), title, "ESSAY", TEN, dueAt,
                publishedAt, null));
        return id;
    }

    private void handIn(UUID assignment, Person student) {
        publish(Subjects.LEARNING_SUBMISSION_RECEIVED, new SubmissionReceived(UUID.randomUUID(), assignment, classId, student.id(), 1,
                false, BigDecimal.ZERO, Instant.now()));
    }

    private void recorded(UUID assignment, Person student, String score) {
        publish(Subjects.LEARNING_GRADE_RECORDED, new GradeRecorded(UUID.randomUUID(), assignment, classId, student.id(), "Work",
                new BigDecimal(score), TEN, "TEACHER", Instant.now()));
    }

    private static Person min(Person a, Person b) {
        return a.id().compareTo(b.id()) < 0 ? a : b;
    }

    private static Person max(Person a, Person b) {
        return a.id().compareTo(b.id()) < 0 ? b : a;
    }

    private UUID assignment(String title, Instant dueAt) {
        UUID id = UUID.randomUUID();
        publish(Subjects.LEARNING_ASSIGNMENT_PUBLISHED, new AssignmentPublished(id, classId, ana.id(), title, "ESSAY", TEN, dueAt,
                Instant.now(), null));
        return id;
    }

    private void released(Person student, String score, Instant at, boolean excused) {
        UUID grade = UUID.randomUUID();
        UUID assignment = UUID.randomUUID();
        publish(Subjects.LEARNING_GRADE_RELEASED, new GradeReleased(grade, assignment, classId, student.id(), "Quiz",
                new BigDecimal(score), TEN, excused, at));
    }

    private void mark(UUID session, LocalDate day, Person student, String status, boolean absence) {
        publish(Subjects.LEARNING_ATTENDANCE_MARKED, new AttendanceMarked(session, classId, null, day, ana.id(),
                List.of(new AttendanceMarked.Mark(student.id(), status, absence, null, false)), Instant.now()));
    }

    private void note(Person student, int points, boolean visible) {
        publish(Subjects.LEARNING_BEHAVIOR_RECORDED, new BehaviorRecorded(UUID.randomUUID(), student.id(), classId, ana.id(),
                points >= 0 ? "POSITIVE" : "NEGATIVE", "HELPFUL", points, visible, null, LocalDate.of(2026, 11, 2), Instant.now()));
    }

    private void lab(Person student, UUID task, Verdict verdict, String score) {
        publish(Subjects.LAB_SUBMISSION_GRADED, new SubmissionGraded(UUID.randomUUID(), task, UUID.randomUUID(), classId,
                student.id(), verdict, new BigDecimal(score), TEN, List.of(verdict), Instant.now()));
    }

    private void publish(String subject, Object event) {
        NatsBus.get().publish(subject, school.tenantId, UUID.randomUUID().toString(), event);
    }
}
