package dev.kelas.e2e;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dashboards fed by the real graders: a verdict of lab-service's graders reaches learning-service's analytics read
 * model ({@code kelas.lab.submission.graded}, consumer {@code learning-analytics-lab-grades}) and moves the student's
 * dashboard and the class leaderboard within a second of the verdict being visible, read through the API.
 */
class AnalyticsLabFlowTests {
    private static final String DOUBLE_RIGHT = "print(int(input()) * 2)\n";
    private static final List<Map<String, Object>> DOUBLE_TESTS = List.of(
            Map.of("stdin", "2\n", "expectedStdout", "4\n", "hidden", false, "points", 5),
            Map.of("stdin", "21\n", "expectedStdout", "42\n", "hidden", true, "points", 5));
    private static final Map<String, Object> LIMITS = Map.of("cpuSeconds", 1, "wallSeconds", 2, "memoryMib", 256);

    static School school;
    static School.Person teacher;

    @BeforeAll
    static void setUpSchool() {
        school = School.register(KelasSystem.get(), "Analytics School");
        teacher = school.createUser("TEACHER", "Dora Dashboard");
    }

    @Test
    void shouldMoveTheStudentsDashboardAndTheClassLeaderboardWithinASecondOfAVerdict() {
        School.Person first = school.createUser("STUDENT", "Fay First");
        School.Person second = school.createUser("STUDENT", "Sid Second");
        String classId = school.createClass(teacher, "Dashboards");
        school.enroll(teacher, classId, first);
        school.enroll(teacher, classId, second);
        String assignment = school.publishCodingAssignment(teacher, classId, "Doubling", 10);
        String task = school.createPythonTask(teacher, classId, assignment, DOUBLE_TESTS, LIMITS);
        String board = "/api/v1/analytics/classes/" + classId + "/leaderboard?metric=lab-score";

        // A wrong answer from the second student: 0 points, alone on the board.
        school.awaitGraded(second, school.submit(second, task, "print(0)\n")).then().body("verdict", equalTo("WRONG_ANSWER"));
        Awaitility.await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                school.as(teacher, "learning-service").get(board).then().statusCode(200)
                        .body("entries.studentId", contains(second.id())).body("entries.value.collect { it.toFloat() }", contains(0.0f)));

        // The first student's accepted answer: their dashboard and the board move within a second of the verdict.
        school.awaitGraded(first, school.submit(first, task, DOUBLE_RIGHT)).then().body("verdict", equalTo("ACCEPTED"));
        Awaitility.await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            school.as(first, "learning-service").get("/api/v1/analytics/students/" + first.id() + "/dashboard").then().statusCode(200)
                    .body("lab.tasksTried", equalTo(1)).body("lab.tasksSolved", equalTo(1))
                    .body("lab.bestScores[0].bestScore.toFloat()", equalTo(10.0f));
            school.as(teacher, "learning-service").get(board).then().statusCode(200)
                    .body("entries.studentId", contains(first.id(), second.id()))
                    .body("entries.rank", contains(1, 2)).body("entries.value.collect { it.toFloat() }", contains(10.0f, 0.0f));
        });
        // The student sees the board with their own rank, and not another student's dashboard.
        school.as(first, "learning-service").get(board).then().statusCode(200).body("me.rank", equalTo(1));
        school.as(second, "learning-service").get("/api/v1/analytics/students/" + first.id() + "/dashboard").then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
    }
}
