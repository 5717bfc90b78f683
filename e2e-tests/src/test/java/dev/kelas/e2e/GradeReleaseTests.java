package dev.kelas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A teacher's grade stays hidden from the student, in the gradebook and in notifications, until the
 * teacher releases the assignment's grades; then the student is told ({@code kelas.learning.grade.released}).
 */
class GradeReleaseTests {
    @Test
    void shouldTellAStudentOfAGradeOnlyOnceItIsReleased() throws Exception {
        School school = School.register(KelasSystem.get(), "Release School");
        School.Person teacher = school.createUser("TEACHER", "Rita Release");
        School.Person student = school.createUser("STUDENT", "Sid Student");
        String classId = school.createClass(teacher, "Geography 1");
        school.enroll(teacher, classId, student);
        String assignment = school.publishAssignment(teacher, classId, "Essay on volcanoes", "ESSAY", 10,
                Instant.now().plus(Duration.ofDays(7)));
        school.as(student, "learning-service").body(Map.of("text", "Volcanoes are openings in the crust."))
                .post("/api/v1/assignments/" + assignment + "/submissions").then().statusCode(201);
        school.as(teacher, "learning-service").body(Map.of("points", 8, "feedback", "Clear and short."))
                .put("/api/v1/assignments/" + assignment + "/grades/" + student.id()).then().statusCode(200);

        // Graded but not released: after a while the student still has heard nothing about it.
        Thread.sleep(2000);
        assertTrue(gradeNotices(school, student, assignment).isEmpty(), "a hidden grade was announced");

        school.as(teacher, "learning-service").post("/api/v1/assignments/" + assignment + "/release").then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> !gradeNotices(school, student, assignment).isEmpty());
        List<Map<String, Object>> notices = gradeNotices(school, student, assignment);
        assertEquals(1, notices.size(), notices.toString());
        assertEquals("kelas.learning.grade.released", notices.get(0).get("type"));
        assertEquals("8 of 10 points", notices.get(0).get("body"));
    }

    /** The student's notifications about grades of this assignment. */
    private static List<Map<String, Object>> gradeNotices(School school, School.Person student, String assignment) {
        List<Map<String, Object>> items = school.as(student, "notification-service").get("/api/v1/notifications?size=100")
                .then().statusCode(200).extract().path("items");
        return items.stream()
                .filter(n -> String.valueOf(n.get("type")).startsWith("kelas.learning.grade."))
                .filter(n -> n.get("data") instanceof Map<?, ?> data && assignment.equals(data.get("assignmentId")))
                .toList();
    }
}
