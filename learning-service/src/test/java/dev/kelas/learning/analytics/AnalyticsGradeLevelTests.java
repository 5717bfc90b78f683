package dev.kelas.learning.analytics;

import static dev.kelas.learning.testing.TestSchool.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import dev.kelas.contracts.Role;
import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.AttendanceMarked;
import dev.kelas.contracts.events.GradeRecorded;
import dev.kelas.contracts.events.GradeReleased;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The grade-level leaderboard: every class of grade 8 in the term, none of grade 9, against hand-computed figures
 * with ties. Classes are created through the API (their {@code class.changed} events feed the read model).
 */
@QuarkusTest
@WithTestResource(LearningTestEnvironment.class)
class AnalyticsGradeLevelTests {
    static final Instant MON = Instant.parse("2026-11-02T09:00:00Z");

    TestSchool school;
    String termId;
    Person teacher;
    UUID class8a;
    UUID class8b;
    UUID class9a;
    Person s1;
    Person s2;
    Person s3;
    Person s4;
    Person s5;

    @BeforeEach
    void setUp() {
        school = TestSchool.create();
        termId = school.createTerm("2026/2027", 1, true);
        teacher = school.user(Role.TEACHER, "Gus Grade");
        List<Person> students = school.users(Role.STUDENT, List.of("One Student", "Two Student", "Three Student", "Four Student",
                "Five Student"));
        s1 = students.get(0);
        s2 = students.get(1);
        s3 = students.get(2);
        s4 = students.get(3);
        s5 = students.get(4);
        class8a = gradeClass("8A", 8);
        class8b = gradeClass("8B", 8);
        class9a = gradeClass("9A", 9);
        school.enroll(teacher, class8a.toString(), s1, s2);
        school.enroll(teacher, class8b.toString(), s3, s4);
        school.enroll(teacher, class9a.toString(), s5);
    }

    @Test
    void shouldRankEveryClassOfTheGradeLevelWithTiesAndShowAStudentTheTopAndTheirOwnRank() {
        released(class8a, s1, "9");     // 90
        released(class8a, s2, "7");     // 70 and 90: 80
        released(class8a, s2, "9");
        released(class8b, s3, "8");     // 80
        released(class8b, s4, "6");     // 60; an unreleased 10 does not count
        publish(Subjects.LEARNING_GRADE_RECORDED, new GradeRecorded(UUID.randomUUID(), UUID.randomUUID(), class8b, s4.id(), "x",
                BigDecimal.TEN, BigDecimal.TEN, "TEACHER", MON));
        released(class9a, s5, "10");    // grade 9: not on the board
        List<Person> tied = List.of(s2, s3).stream().sorted(Comparator.comparing(Person::id)).toList();
        String board = "/api/v1/analytics/grade-levels/8/leaderboard?termId=" + termId;
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                as(teacher).get(board).then().statusCode(200)
                        .body("entries.studentId", contains(s1.sid(), tied.get(0).sid(), tied.get(1).sid(), s4.sid()))
                        .body("entries.rank", contains(1, 2, 2, 4))
                        .body("entries.value", contains(90.0f, 80.0f, 80.0f, 60.0f))
                        .body("ranked", equalTo(4))
                        .body("classIds", containsInAnyOrder(class8a.toString(), class8b.toString())));
        as(s4).get(board + "&top=1").then().statusCode(200)
                .body("entries.studentId", contains(s1.sid()))
                .body("entries.value", contains(90.0f))
                .body("me.rank", equalTo(4)).body("me.value", equalTo(60.0f));
        as(s2).get(board + "&top=2").then().statusCode(200)
                .body("entries.rank", contains(1, 2)).body("me.rank", equalTo(2));
        as(s5).get(board).then().statusCode(403).contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
        as(teacher).get("/api/v1/analytics/grade-levels/9/leaderboard?termId=" + termId).then().statusCode(200)
                .body("entries.studentId", contains(s5.sid())).body("entries.value", contains(100.0f));
    }

    @Test
    void shouldRankAttendanceAcrossTheGradeLevelsClassesWithASharedFirstPlace() {
        mark(class8a, s1, "PRESENT", false, LocalDate.of(2026, 11, 2));   // 1 of 2: 50.0
        mark(class8a, s1, "ABSENT", true, LocalDate.of(2026, 11, 3));
        mark(class8a, s2, "PRESENT", false, LocalDate.of(2026, 11, 2));   // 100.0
        mark(class8b, s3, "LATE", false, LocalDate.of(2026, 11, 2));      // 100.0
        mark(class8b, s3, "PRESENT", false, LocalDate.of(2026, 11, 3));
        mark(class8b, s4, "ABSENT", true, LocalDate.of(2026, 11, 2));     // 2 of 3: 66.7
        mark(class8b, s4, "PRESENT", false, LocalDate.of(2026, 11, 3));
        mark(class8b, s4, "PRESENT", false, LocalDate.of(2026, 11, 4));
        List<Person> tied = List.of(s2, s3).stream().sorted(Comparator.comparing(Person::id)).toList();
        String board = "/api/v1/analytics/grade-levels/8/leaderboard?metric=attendance&termId=" + termId;
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                as(school.admin).get(board).then().statusCode(200)
                        .body("entries.studentId", contains(tied.get(0).sid(), tied.get(1).sid(), s4.sid(), s1.sid()))
                        .body("entries.rank", contains(1, 1, 3, 4))
                        .body("entries.value", contains(100.0f, 100.0f, 66.7f, 50.0f)));
        as(school.admin).body(Map.of("studentLeaderboards", false)).put("/api/v1/analytics/settings").then().statusCode(200);
        as(s1).get(board).then().statusCode(403).body("code", equalTo("LEADERBOARD_HIDDEN"));
        as(teacher).get(board).then().statusCode(200).body("ranked", equalTo(4));
        as(teacher).get("/api/v1/analytics/grade-levels/8/leaderboard").then().statusCode(422).body("code", equalTo("VALIDATION_ERROR"))
                .body("errors[0].field", equalTo("termId"));
        as(teacher).get("/api/v1/analytics/grade-levels/14/leaderboard?termId=" + termId).then().statusCode(422);
    }

    private UUID gradeClass(String name, int gradeLevel) {
        return UUID.fromString(as(teacher).body(Map.of("name", name, "code", name + "-" + UUID.randomUUID().toString().substring(0, 6),
                "termId", termId, "gradeLevel", gradeLevel)).post("/api/v1/classes").then().statusCode(201).extract().path("id"));
    }

    private void released(UUID classId, Person student, String score) {
        publish(Subjects.LEARNING_GRADE_RELEASED, new GradeReleased(UUID.randomUUID(), UUID.randomUUID(), classId, student.id(), "Quiz",
                new BigDecimal(score), BigDecimal.TEN, false, MON));
    }

    private void mark(UUID classId, Person student, String status, boolean absence, LocalDate day) {
        publish(Subjects.LEARNING_ATTENDANCE_MARKED, new AttendanceMarked(UUID.randomUUID(), classId, null, day, teacher.id(),
                List.of(new AttendanceMarked.Mark(student.id(), status, absence, null, false)), Instant.now()));
    }

    private void publish(String subject, Object event) {
        NatsBus.get().publish(subject, school.tenantId, UUID.randomUUID().toString(), event);
    }
}
