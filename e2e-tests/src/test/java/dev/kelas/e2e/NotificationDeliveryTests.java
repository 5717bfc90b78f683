package dev.kelas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every notification-worthy event reaches its audience (a class, a role, the whole school, one user), expanded
 * from notification-service's own projections, over real WebSocket and SSE clients.
 */
class NotificationDeliveryTests {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static KelasSystem system;
    private static School school;
    private static School.Person teacher;
    private static School.Person first;
    private static School.Person second;
    private static School.Person outsider;
    private static String classId;

    @BeforeAll
    static void start() {
        system = KelasSystem.get();
        school = School.register(system, "Delivery School");
        teacher = school.createUser("TEACHER", "Tomas Teacher");
        first = school.createUser("STUDENT", "Fiona First");
        second = school.createUser("STUDENT", "Sean Second");
        outsider = school.createUser("STUDENT", "Olli Outsider");
        classId = school.classKnownToNotifications(teacher, "Literature", 5, first, second);
    }

    @Test
    void shouldTellAClassAboutANewAssignmentAndRemindItWhenItIsDueSoon() throws Exception {
        try (WsClient socket = WsClient.connect(system.url("notification-service"), first.accessToken());
             SseClient stream = SseClient.connect(system.url("notification-service") + "/api/v1/notifications/stream",
                     Map.of("Authorization", "Bearer " + second.accessToken()))) {
            socket.resume(0);
            school.publishAssignment(teacher, classId, "Essay on rivers", "ESSAY", 10, Instant.now().plus(Duration.ofHours(3)));
            JsonNode published = socket.awaitType("notification", "New assignment: Essay on rivers", WAIT);
            assertNotNull(published, socket.received().toString());
            assertEquals("kelas.learning.assignment.published", published.path("notification").path("type").asText());
            assertEquals(classId, published.path("notification").path("data").path("classId").asText());
            assertNotNull(socket.awaitType("notification", "Due soon: Essay on rivers", WAIT), "no due-soon reminder");
            assertNotNull(stream.awaitEventContaining("New assignment: Essay on rivers", WAIT));
            assertNotNull(stream.awaitEventContaining("Due soon: Essay on rivers", WAIT));
        }
        assertEquals(List.of(), matching(teacher, "Essay on rivers"), "the teacher is not told of their own assignment");
        assertEquals(List.of(), matching(outsider, "Essay on rivers"), "a student of another class is not told");

        School.Person late = school.createUser("STUDENT", "Lena Late");
        school.enroll(teacher, classId, late);
        school.publishAssignment(teacher, classId, "Poem", "ESSAY", 5, Instant.now().plus(Duration.ofDays(7)));
        Awaitility.await().atMost(WAIT).until(() -> titles(late).contains("New assignment: Poem"));
        assertEquals(List.of(), matching(late, "Essay on rivers"), "enrolled after the essay was published");
    }

    @Test
    void shouldTellAStudentOfTheirGradedSubmissionAndTheGrade() throws Exception {
        String assignment = school.publishCodingAssignment(teacher, classId, "Double it", 4);
        String task = school.createPythonTask(teacher, classId, assignment,
                List.of(Map.of("stdin", "21\n", "expectedStdout", "42\n", "hidden", false, "points", 4)),
                Map.of("cpuSeconds", 1, "wallSeconds", 2, "memoryMib", 256));
        try (WsClient socket = WsClient.connect(system.url("notification-service"), first.accessToken())) {
            socket.resume(0);
            String submission = school.submit(first, task, "print(int(input()) * 2)\n");
            JsonNode graded = socket.awaitType("notification", submission, WAIT);
            assertNotNull(graded, socket.received().toString());
            assertEquals("kelas.lab.submission.graded", graded.path("notification").path("type").asText());
            assertEquals("ACCEPTED: 4 of 4 points", graded.path("notification").path("body").asText());
            JsonNode grade = socket.await(f -> f.path("notification").path("type").asText().equals("kelas.learning.grade.recorded")
                    && f.toString().contains("Double it"), WAIT);
            assertNotNull(grade, socket.received().toString());
        }
    }

    @Test
    void shouldTellEachAnnouncementToItsAudience() throws Exception {
        School.Person leaver = school.createUser("STUDENT", "Lars Leaver");
        school.as(school.admin, "auth-service").delete("/api/v1/users/" + leaver.id()).then().statusCode(204);
        Awaitility.await().atMost(WAIT).until(() -> system.sqlValue("notification-service",
                "select active from user_account where user_id = '" + leaver.id() + "'").equals("f"));

        String run = UUID.randomUUID().toString().substring(0, 6);
        announce("CLASS", classId, null, "Class trip " + run);
        announce("ROLE", null, "TEACHER", "Staff meeting " + run);
        announce("SCHOOL", null, null, "School closed " + run);
        // One consumer takes announcements in order: once everyone has the last, the others were handled.
        for (School.Person person : List.of(school.admin, teacher, first, second, outsider)) {
            Awaitility.await().atMost(WAIT).until(() -> titles(person).contains("School closed " + run));
        }
        assertEquals(List.of("School closed " + run, "Staff meeting " + run, "Class trip " + run), announcements(teacher, run));
        assertEquals(List.of("School closed " + run, "Class trip " + run), announcements(first, run));
        assertEquals(List.of("School closed " + run, "Class trip " + run), announcements(second, run));
        assertEquals(List.of("School closed " + run), announcements(outsider, run));
        assertEquals(List.of("School closed " + run), announcements(school.admin, run));
        assertEquals("0", system.sqlValue("notification-service", "select count(*) from notification where user_id = '"
                + leaver.id() + "'"), "a deactivated user is not told");
    }

    private static void announce(String audience, String classId, String role, String title) throws Exception {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("announcementId", UUID.randomUUID().toString());
        data.put("authorId", teacher.id());
        data.put("audience", audience);
        data.put("classId", classId);
        data.put("role", role);
        data.put("title", title);
        data.put("body", "Details follow.");
        data.put("occurredAt", Instant.now().toString());
        system.publishEvent("kelas.learning.announcement.published", school.tenantId, data);
    }

    private static List<String> titles(School.Person person) {
        return school.as(person, "notification-service").queryParam("size", 100).get("/api/v1/notifications")
                .then().statusCode(200).extract().path("items.title");
    }

    private static List<String> announcements(School.Person person, String run) {
        return titles(person).stream().filter(t -> t.endsWith(run)).toList();
    }

    private static List<String> matching(School.Person person, String text) {
        return titles(person).stream().filter(t -> t.contains(text)).toList();
    }
}
