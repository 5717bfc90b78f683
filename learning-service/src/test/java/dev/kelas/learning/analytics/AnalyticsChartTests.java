package dev.kelas.learning.analytics;

import static dev.kelas.learning.testing.TestSchool.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.GradeRecorded;
import dev.kelas.learning.testing.LearningTestEnvironment;
import dev.kelas.learning.testing.NatsBus;
import dev.kelas.learning.testing.TestSchool;
import dev.kelas.learning.testing.TestSchool.Person;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dashboards' chart series and their PNG renderings (JFreeChart, headless), decoded with ImageIO. */
@QuarkusTest
@WithTestResource(LearningTestEnvironment.class)
class AnalyticsChartTests {
    TestSchool school;
    TestSchool.Classroom room;
    Person teacher;
    Person student;

    @BeforeEach
    void setUp() {
        school = TestSchool.create();
        school.createTerm("2026/2027", 1, true);
        room = school.classroom("Carl Chart", "7C", "Cat Chart", "Cid Chart");
        teacher = room.teacher();
        student = room.students().get(0);
    }

    @Test
    void shouldCarryPlottableSeriesInTheClassDashboard() {
        publish(Subjects.LEARNING_GRADE_RECORDED, new GradeRecorded(UUID.randomUUID(), UUID.randomUUID(), UUID.fromString(room.classId()),
                student.id(), "Quiz", new BigDecimal("7"), BigDecimal.TEN, "TEACHER", Instant.now()));
        String url = "/api/v1/analytics/classes/" + room.classId() + "/dashboard";
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                as(teacher).get(url).then().statusCode(200)
                        .body("includesUnreleasedGrades", equalTo(true))
                        .body("charts.gradeHistogram.labels", hasSize(10))
                        .body("charts.gradeHistogram.values[7]", equalTo(1))
                        .body("charts.handInRates.labels", hasSize(0)));
        as(student).get("/api/v1/analytics/students/" + student.id() + "/dashboard").then().statusCode(200)
                .body("charts.gradeTrend.labels", hasSize(0)).body("charts.labBestScores.values", hasSize(0));
    }

    @Test
    void shouldRenderTheTeachersChartsAsPngOfTheAskedSize() throws Exception {
        String url = "/api/v1/analytics/classes/" + room.classId() + "/dashboard";
        byte[] byPath = as(teacher).get(url + ".png?width=640&height=320").then().statusCode(200).contentType("image/png")
                .extract().asByteArray();
        assertSize(byPath, 640, 320);
        byte[] byAccept = as(teacher).accept("image/png").get(url + "?chart=handInRates").then().statusCode(200)
                .contentType("image/png").extract().asByteArray();
        assertSize(byAccept, 800, 400);
        as(teacher).get(url + ".png?chart=pie").then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_ERROR")).body("errors[0].field", equalTo("chart"));
        as(teacher).get(url + ".png?width=5000").then().statusCode(400).contentType("application/problem+json");
        as(student).get(url + ".png").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void shouldRenderTheAdminOverviewChartsAsPng() throws Exception {
        byte[] png = as(school.admin).get("/api/v1/analytics/overview.png?chart=labSubmissionsPerDay&width=300&height=200")
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        assertSize(png, 300, 200);
        byte[] accepted = as(school.admin).accept("image/png").get("/api/v1/analytics/overview?chart=weeklyActiveUsers")
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        assertSize(accepted, 800, 400);
        as(school.admin).get("/api/v1/analytics/overview").then().statusCode(200).contentType("application/json");
        as(teacher).get("/api/v1/analytics/overview.png").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
    }

    private static void assertSize(byte[] png, int width, int height) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(image, "not a decodable image");
        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
    }

    private void publish(String subject, Object event) {
        NatsBus.get().publish(subject, school.tenantId, UUID.randomUUID().toString(), event);
    }
}
