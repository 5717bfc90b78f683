package dev.kelas.learning.analytics;

import static dev.kelas.learning.testing.TestSchool.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.kelas.contracts.Role;
import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.Verdict;
import dev.kelas.contracts.events.AssignmentPublished;
import dev.kelas.contracts.events.AttendanceMarked;
import dev.kelas.contracts.events.BehaviorRecorded;
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
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admin overview against hand-computed figures: two classes in use and one archived, released and unreleased
 * grades, marks with and without a subject, lab verdicts today and three days ago, and activity this week and before.
 */
@QuarkusTest
@WithTestResource(LearningTestEnvironment.class)
class AnalyticsOverviewTests {
    static final BigDecimal TEN = BigDecimal.TEN;

    TestSchool school;
    String termId;
    Person t1;
    Person t2;
    Person t3;
    Person a1;
    Person a2;
    Person b1;
    Person g1;
    UUID alpha;
    UUID beta;
    UUID gamma;
    UUID s1;
    UUID s2;

    @BeforeEach
    void setUp() {
        school = TestSchool.create();
        termId = school.createTerm("2026/2027", 1, true);
        t1 = school.user(Role.TEACHER, "Tea One");
        t2 = school.user(Role.TEACHER, "Tea Two");
        t3 = school.user(Role.TEACHER, "Tea Three");
        List<Person> students = school.users(Role.STUDENT, List.of("Al One", "Al Two", "Be One", "Ga One"));
        a1 = students.get(0);
        a2 = students.get(1);
        b1 = students.get(2);
        g1 = students.get(3);
        alpha = gradeClass(t1, "Alpha", 7);
        beta = gradeClass(t2, "Beta", 8);
        gamma = gradeClass(t3, "Gamma", 9);
        school.enroll(t1, alpha.toString(), a1, a2);
        school.enroll(t2, beta.toString(), b1);
        school.enroll(t3, gamma.toString(), g1);
        as(t3).post("/api/v1/classes/" + gamma + "/archive").then().statusCode(200);
        UUID x = UUID.randomUUID();
        UUID y = UUID.randomUUID();
        s1 = x.toString().compareTo(y.toString()) < 0 ? x : y;   // s1 sorts first
        s2 = s1 == x ? y : x;
    }

    @Test
    void shouldShowTheAdministratorEveryFigureOfTheSchoolFromTheReadModel() {
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        UUID asgA1 = assignment(alpha, t1, s1);
        UUID asgB1 = assignment(beta, t2, s2);
        UUID asgB2 = assignment(beta, t2, null);
        // Alpha: 80 (recorded, unreleased) and 60 (released): 70.0; Beta: 90 and an excused release (nothing): 90.0.
        publish(Subjects.LEARNING_GRADE_RECORDED, new GradeRecorded(UUID.randomUUID(), asgA1, alpha, a1.id(), "A1", new BigDecimal("8"), TEN, "TEACHER", now));
        publish(Subjects.LEARNING_GRADE_RELEASED, new GradeReleased(UUID.randomUUID(), asgA1, alpha, a2.id(), "A1", new BigDecimal("6"), TEN, false, now));
        UUID b1Grade = UUID.randomUUID();
        publish(Subjects.LEARNING_GRADE_RECORDED, new GradeRecorded(b1Grade, asgB1, beta, b1.id(), "B1", new BigDecimal("9"), TEN, "TEACHER", now));
        publish(Subjects.LEARNING_GRADE_RELEASED, new GradeReleased(b1Grade, asgB1, beta, b1.id(), "B1", new BigDecimal("9"), TEN, false, now));
        publish(Subjects.LEARNING_GRADE_RELEASED, new GradeReleased(UUID.randomUUID(), asgB2, beta, b1.id(), "B2", BigDecimal.ZERO, TEN, true, now));
        // Alpha, two S1 lessons: P P, A L: 3 of 4 = 75.0. Beta: an S2 lesson P, an S2 lesson A, a daily register A:
        // class 1 of 3 = 33.3, S2 1 of 2 = 50.0.
        marks(alpha, s1, t1, today, Map.of(a1, false, a2, false));
        marks(alpha, s1, t1, today, Map.of(a1, true, a2, false));
        marks(beta, s2, t2, today, Map.of(b1, false));
        marks(beta, s2, t2, today, Map.of(b1, true));
        marks(beta, null, t2, today, Map.of(b1, true));
        // Lab: two of a2's today, one of a1's three days ago.
        lab(alpha, a2, now);
        lab(alpha, a2, now);
        lab(alpha, a1, now.minus(Duration.ofDays(3)));
        // Activity: a1 hands in now, b1 ten days ago; t2 writes a note now.
        handIn(asgA1, alpha, a1, now);
        handIn(asgB1, beta, b1, now.minus(Duration.ofDays(10)));
        publish(Subjects.LEARNING_BEHAVIOR_RECORDED, new BehaviorRecorded(UUID.randomUUID(), b1.id(), beta, t2.id(), "POSITIVE", "HELPFUL",
                1, true, null, today, now));

        String url = "/api/v1/analytics/overview";
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                as(school.admin).get(url).then().statusCode(200)
                        .body("counts.students", equalTo(3))
                        .body("counts.teachers", equalTo(2))
                        .body("counts.classes", equalTo(2))
                        .body("counts.activeUsersThisWeek", equalTo(4))
                        .body("labSubmissionsPerDay.values.sum()", equalTo(3))
                        .body("weeklyTrends.activeUsers.sum()", equalTo(expectedActive(today).values().stream().mapToInt(Integer::intValue).sum())));
        JsonPath body = as(school.admin).get(url).then().statusCode(200).extract().jsonPath();
        Assertions.assertTrue(body.getBoolean("includesUnreleasedGrades"));
        Assertions.assertEquals(today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString(), body.getString("weekOf"));
        Assertions.assertEquals(List.of("Alpha", "Beta"), body.getList("classes.name"));
        Assertions.assertEquals(List.of(7, 8), body.getList("classes.gradeLevel"));
        Assertions.assertEquals(List.of(2, 1), body.getList("classes.students"));
        Assertions.assertEquals(List.of(75.0f, 33.3f), body.getList("classes.attendancePercent"));
        Assertions.assertEquals(List.of(70.0f, 90.0f), body.getList("classes.gradeAverage"));
        Assertions.assertEquals(List.of(s1.toString(), s2.toString()), body.getList("subjects.subjectId"));
        Assertions.assertEquals(List.of(75.0f, 50.0f), body.getList("subjects.attendancePercent"));
        Assertions.assertEquals(List.of(70.0f, 90.0f), body.getList("subjects.gradeAverage"));
        List<String> days = body.getList("labSubmissionsPerDay.labels");
        Assertions.assertEquals(14, days.size());
        Assertions.assertEquals(today.toString(), days.get(13));
        Assertions.assertEquals(today.minusDays(13).toString(), days.get(0));
        List<Integer> perDay = body.getList("labSubmissionsPerDay.values");
        Assertions.assertEquals(2, perDay.get(13));
        Assertions.assertEquals(1, perDay.get(10));

        // Weekly trends, computed by hand from the same facts.
        LocalDate w0 = monday(today);
        LocalDate wLab = monday(today.minusDays(3));
        Map<LocalDate, Integer> active = expectedActive(today);
        TreeMap<LocalDate, Integer> lab = new TreeMap<>(Map.of(w0, 2));
        lab.merge(wLab, 1, Integer::sum);
        TreeMap<LocalDate, Boolean> weeks = new TreeMap<>();
        active.keySet().forEach(w -> weeks.put(w, true));
        lab.keySet().forEach(w -> weeks.put(w, true));
        List<String> labels = weeks.keySet().stream().map(LocalDate::toString).toList();
        Assertions.assertEquals(labels, body.getList("weeklyTrends.labels"));
        List<Float> grade = new ArrayList<>();
        List<Float> attendance = new ArrayList<>();
        List<Integer> labs = new ArrayList<>();
        List<Integer> users = new ArrayList<>();
        for (LocalDate w : weeks.keySet()) {
            grade.add(w.equals(w0) ? 76.7f : null);          // mean of 80, 60, 90
            attendance.add(w.equals(w0) ? 57.1f : null);     // 4 of 7 not absent
            labs.add(lab.getOrDefault(w, 0));
            users.add(active.getOrDefault(w, 0));
        }
        Assertions.assertEquals(grade, body.getList("weeklyTrends.gradeAverage"));
        Assertions.assertEquals(attendance, body.getList("weeklyTrends.attendancePercent"));
        Assertions.assertEquals(labs, body.getList("weeklyTrends.labSubmissions"));
        Assertions.assertEquals(users, body.getList("weeklyTrends.activeUsers"));
        Assertions.assertEquals(List.of("Alpha", "Beta"), body.getList("charts.gradeAverageByClass.labels"));
        Assertions.assertEquals(List.of(70.0f, 90.0f), body.getList("charts.gradeAverageByClass.values"));
        Assertions.assertEquals(labels, body.getList("charts.weeklyActiveUsers.labels"));

        String tag = as(school.admin).get(url).then().statusCode(200).body("asOf", notNullValue()).extract().header("ETag");
        as(school.admin).header("If-None-Match", tag).get(url).then().statusCode(304);
        as(t1).get(url).then().statusCode(403).contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
        as(a1).get(url).then().statusCode(403);
    }

    @Test
    void shouldAnswerAnEmptySchoolWithZerosAndNoAverages() {
        TestSchool empty = TestSchool.create();
        as(empty.admin).get("/api/v1/analytics/overview").then().statusCode(200)
                .body("counts.students", equalTo(0)).body("counts.classes", equalTo(0))
                .body("classes", hasSize(0)).body("labSubmissionsPerDay.values", hasSize(14))
                .body("weeklyTrends.labels", hasSize(0)).body("asOf", nullValue());
    }

    /** Distinct active users per week: a1, a2, t1, t2 this week (a1's lab three days ago too), b1 ten days ago. */
    private Map<LocalDate, Integer> expectedActive(LocalDate today) {
        Map<LocalDate, Set<UUID>> byWeek = new HashMap<>();
        byWeek.computeIfAbsent(monday(today), w -> new HashSet<>()).addAll(List.of(a1.id(), a2.id(), t1.id(), t2.id()));
        byWeek.computeIfAbsent(monday(today.minusDays(3)), w -> new HashSet<>()).add(a1.id());
        byWeek.computeIfAbsent(monday(today.minusDays(10)), w -> new HashSet<>()).add(b1.id());
        Map<LocalDate, Integer> counts = new TreeMap<>();
        byWeek.forEach((w, set) -> counts.put(w, set.size()));
        return counts;
    }

    private static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private UUID gradeClass(Person teacher, String name, int gradeLevel) {
        return UUID.fromString(as(teacher).body(Map.of("name", name, "code", name + "-" + UUID.randomUUID().toString().substring(0, 6),
                "termId", termId, "gradeLevel", gradeLevel)).post("/api/v1/classes").then().statusCode(201).extract().path("id"));
    }

    private UUID assignment(UUID classId, Person teacher, UUID subjectId) {
        UUID id = UUID.randomUUID();
        publish(Subjects.LEARNING_ASSIGNMENT_PUBLISHED, new AssignmentPublished(id, classId, teacher.id(), "Work", "ESSAY", TEN,
                Instant.now().plus(Duration.ofDays(3)), Instant.now(), null, subjectId));
        return id;
    }

    private void marks(UUID classId, UUID subjectId, Person teacher, LocalDate day, Map<Person, Boolean> absences) {
        List<AttendanceMarked.Mark> marks = absences.entrySet().stream().map(e -> new AttendanceMarked.Mark(e.getKey().id(),
                e.getValue() ? "ABSENT" : "PRESENT", e.getValue(), null, false)).toList();
        publish(Subjects.LEARNING_ATTENDANCE_MARKED, new AttendanceMarked(UUID.randomUUID(), classId, subjectId, day, teacher.id(), marks,
                Instant.now()));
    }

    private void lab(UUID classId, Person student, Instant at) {
        publish(Subjects.LAB_SUBMISSION_GRADED, new SubmissionGraded(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), classId,
                student.id(), Verdict.ACCEPTED, TEN, TEN, List.of(Verdict.ACCEPTED), at));
    }

    private void handIn(UUID assignment, UUID classId, Person student, Instant at) {
        publish(Subjects.LEARNING_SUBMISSION_RECEIVED, new SubmissionReceived(UUID.randomUUID(), assignment, classId, student.id(), 1,
                false, BigDecimal.ZERO, at));
    }

    private void publish(String subject, Object event) {
        NatsBus.get().publish(subject, school.tenantId, UUID.randomUUID().toString(), event);
    }
}
