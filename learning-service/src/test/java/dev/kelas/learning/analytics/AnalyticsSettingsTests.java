package dev.kelas.learning.analytics;

import static dev.kelas.learning.testing.TestSchool.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.kelas.learning.testing.LearningTestEnvironment;
import dev.kelas.learning.testing.TestSchool;
import dev.kelas.learning.testing.TestSchool.Person;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The per-school setting that hides leaderboards from students, and who may read and change it. */
@QuarkusTest
@WithTestResource(LearningTestEnvironment.class)
class AnalyticsSettingsTests {
    TestSchool school;
    TestSchool.Classroom room;
    Person teacher;
    Person student;

    @BeforeEach
    void setUp() {
        school = TestSchool.create();
        school.createTerm("2026/2027", 1, true);
        room = school.classroom("Tia Teacher", "9B", "Stu Student");
        teacher = room.teacher();
        student = room.students().get(0);
    }

    @Test
    void shouldHideLeaderboardsFromStudentsWhenTheSchoolTurnsThemOffWhileStaffStillSeeThem() {
        String board = "/api/v1/analytics/classes/" + room.classId() + "/leaderboard";
        as(student).get(board).then().statusCode(200);
        as(school.admin).get("/api/v1/analytics/settings").then().statusCode(200)
                .body("studentLeaderboards", equalTo(true)).body("schoolDefault", equalTo(true));

        as(school.admin).body(Map.of("studentLeaderboards", false)).put("/api/v1/analytics/settings").then().statusCode(200)
                .body("studentLeaderboards", equalTo(false)).body("schoolDefault", equalTo(false)).body("updatedAt", notNullValue());

        as(student).get(board).then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("LEADERBOARD_HIDDEN"));
        as(teacher).get(board).then().statusCode(200);
        as(school.admin).get(board).then().statusCode(200);
        as(teacher).get("/api/v1/analytics/settings").then().statusCode(200).body("studentLeaderboards", equalTo(false));

        // Another school keeps the deployment's default.
        TestSchool other = TestSchool.create();
        other.createTerm("2026/2027", 1, true);
        TestSchool.Classroom otherRoom = other.classroom("Olga Other", "9C", "Oli Other");
        as(otherRoom.students().get(0)).get("/api/v1/analytics/classes/" + otherRoom.classId() + "/leaderboard").then().statusCode(200);

        as(school.admin).body(Map.of("studentLeaderboards", true)).put("/api/v1/analytics/settings").then().statusCode(200);
        as(student).get(board).then().statusCode(200);
    }

    @Test
    void shouldLetOnlyAnAdministratorChangeTheSettingAndRefuseAMissingValue() {
        as(teacher).body(Map.of("studentLeaderboards", false)).put("/api/v1/analytics/settings").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
        as(student).body(Map.of("studentLeaderboards", false)).put("/api/v1/analytics/settings").then().statusCode(403);
        as(student).get("/api/v1/analytics/settings").then().statusCode(403);
        as(school.admin).body(Map.of()).put("/api/v1/analytics/settings").then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("VALIDATION_ERROR"))
                .body("errors[0].field", equalTo("studentLeaderboards"));
        as(student).get("/api/v1/analytics/classes/" + room.classId() + "/leaderboard").then().statusCode(200);
    }
}
