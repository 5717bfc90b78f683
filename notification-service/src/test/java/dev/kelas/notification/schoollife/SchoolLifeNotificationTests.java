package dev.kelas.notification.schoollife;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kelas.contracts.Role;
import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.AbsenceLimitReached;
import dev.kelas.contracts.events.BehaviorRecorded;
import dev.kelas.contracts.events.CalendarEventPublished;
import dev.kelas.contracts.events.DiscussionReplyPosted;
import dev.kelas.contracts.events.DiscussionThreadCreated;
import dev.kelas.contracts.events.EnrollmentCreated;
import dev.kelas.contracts.events.UserRegistered;
import dev.kelas.notification.testing.NotificationTestEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The school day's events as notification-service tells them: an absence limit (student, homeroom teacher,
 * immediate e-mail), a behaviour note (only when visible), a calendar event (its class), a discussion thread
 * (the teachers) and a reply (participants and teachers, never the poster, and a live update to a class member
 * viewing the thread over SSE). Events go in through a private nats-server, answers come from the REST API.
 */
@QuarkusTest
@QuarkusTestResource(value = NotificationTestEnvironment.class, restrictToAnnotatedClass = true)
class SchoolLifeNotificationTests {
    private final UUID tenantId = UUID.randomUUID();
    private final UUID classId = UUID.randomUUID();

    @TestHTTPResource("/api/v1/notifications/stream")
    URI stream;

    private RequestSpecification as(UUID userId) {
        return given().contentType(ContentType.JSON)
                .auth().oauth2(NotificationTestEnvironment.tokens().token(userId, tenantId, Role.STUDENT.name()));
    }

    private UUID user(String name, Role role) {
        UUID id = UUID.randomUUID();
        publish(Subjects.AUTH_USER_REGISTERED, id, new UserRegistered(id, tenantId, id + "@school.test", name, role, Instant.now()));
        // Another consumer keeps the user projection: wait for it, so a notification naming this user finds the name.
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> count("select count(*) from user_account where user_id = ?", id) == 1);
        return id;
    }

    private void enroll(UUID studentId, UUID teacherId) {
        publish(Subjects.LEARNING_ENROLLMENT_CREATED, UUID.randomUUID(), new EnrollmentCreated(UUID.randomUUID(), classId,
                studentId, Instant.now().minusSeconds(60), teacherId));
    }

    private void publish(String subject, UUID aggregate, Object data) {
        NotificationTestEnvironment.events().publish(subject, tenantId, aggregate.toString(), data);
    }

    private void awaitInbox(UUID userId, int total) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() ->
                Integer.valueOf(total).equals(as(userId).get("/api/v1/notifications").path("total")));
    }

    /** Waits until the projections have the class's members (their events go through other consumers). */
    private void awaitMembers(UUID... users) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() ->
                count("select count(*) from class_member where class_id = ?", classId) == users.length
                        && count("select count(*) from user_account where tenant_id = ?", tenantId) >= users.length);
    }

    private static long count(String sql, UUID id) throws Exception {
        try (Connection db = DriverManager.getConnection(NotificationTestEnvironment.jdbcUrl());
             PreparedStatement query = db.prepareStatement(sql)) {
            query.setObject(1, id);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Test
    void shouldTellTheStudentAndTheHomeroomTeacherOfAReachedAbsenceLimitAndMailThemAtOnce() throws Exception {
        UUID student = user("Ani Absent", Role.STUDENT);
        UUID teacher = user("Hana Homeroom", Role.TEACHER);
        UUID classmate = user("Cici Classmate", Role.STUDENT);
        enroll(student, teacher);
        enroll(classmate, teacher);
        awaitMembers(student, teacher, classmate);
        publish(Subjects.LEARNING_ATTENDANCE_ABSENCE_LIMIT_REACHED, UUID.randomUUID(), new AbsenceLimitReached(UUID.randomUUID(),
                student, classId, teacher, "7A", 10, 10, Instant.now()));
        awaitInbox(student, 1);
        awaitInbox(teacher, 1);
        as(student).get("/api/v1/notifications").then().statusCode(200)
                .body("items[0].type", equalTo(Subjects.LEARNING_ATTENDANCE_ABSENCE_LIMIT_REACHED))
                .body("items[0].title", equalTo("Absence limit reached in 7A"))
                .body("items[0].data.absences", equalTo(10));
        as(teacher).get("/api/v1/notifications").then().statusCode(200)
                .body("items[0].title", equalTo("Absence limit reached: Ani Absent in 7A"));
        as(classmate).get("/api/v1/notifications").then().statusCode(200).body("total", equalTo(0));
        assertEquals(1, count("select count(*) from email_message where user_id = ? and subject like '%Absence limit%'", student));
        assertEquals(1, count("select count(*) from email_message where user_id = ? and subject like '%Absence limit%'", teacher));
    }

    @Test
    void shouldTellAStudentOfAVisibleBehaviourNoteButNotOfAStaffOnlyOne() {
        UUID student = user("Budi Behaves", Role.STUDENT);
        UUID teacher = UUID.randomUUID();
        publish(Subjects.LEARNING_BEHAVIOR_RECORDED, UUID.randomUUID(), new BehaviorRecorded(UUID.randomUUID(), student, classId,
                teacher, BehaviorRecorded.NEGATIVE, "DISRUPTIVE", -2, false, null, LocalDate.of(2026, 12, 1), Instant.now()));
        publish(Subjects.LEARNING_BEHAVIOR_RECORDED, UUID.randomUUID(), new BehaviorRecorded(UUID.randomUUID(), student, classId,
                teacher, BehaviorRecorded.POSITIVE, "HELPFUL", 3, true, "Helped a classmate with loops.", LocalDate.of(2026, 12, 2),
                Instant.now()));
        awaitInbox(student, 1);
        as(student).get("/api/v1/notifications").then().statusCode(200)
                .body("items[0].title", equalTo("Positive behaviour note: HELPFUL"))
                .body("items[0].body", equalTo("Helped a classmate with loops. (+3 points, 2026-12-02)"));
        // The staff-only note was published first: had it been delivered, it would be in the inbox by now.
        as(student).get("/api/v1/notifications").then().body("total", equalTo(1));
    }

    @Test
    void shouldTellAClassOfItsCalendarEventInTheSchoolsTimeZone() {
        UUID student = user("Citra Calendar", Role.STUDENT);
        UUID teacher = user("Tono Teacher", Role.TEACHER);
        UUID outsider = user("Omar Outside", Role.STUDENT);
        enroll(student, teacher);
        awaitMembers(student, teacher);
        publish(Subjects.LEARNING_CALENDAR_EVENT_PUBLISHED, UUID.randomUUID(), new CalendarEventPublished(UUID.randomUUID(),
                teacher, "EXAM", "Algebra test", "CLASS", classId, null, false, Instant.parse("2026-12-10T01:00:00Z"),
                Instant.parse("2026-12-10T02:30:00Z"), "Asia/Jakarta", null, false, Instant.now()));
        awaitInbox(student, 1);
        awaitInbox(teacher, 1);
        as(student).get("/api/v1/notifications").then().statusCode(200)
                .body("items[0].title", equalTo("New calendar event: Algebra test"))
                .body("items[0].body", equalTo("Exam, Thu 10 Dec 2026, 08:00–09:30 (Asia/Jakarta)."));
        as(outsider).get("/api/v1/notifications").then().body("total", equalTo(0));
    }

    @Test
    void shouldTellTeachersOfAThreadAndParticipantsOfAReplyButNeverThePoster() {
        UUID author = user("Dewi Discusses", Role.STUDENT);
        UUID replier = user("Rina Replies", Role.STUDENT);
        UUID teacher = user("Guru Teacher", Role.TEACHER);
        UUID thread = UUID.randomUUID();
        publish(Subjects.LEARNING_DISCUSSION_THREAD_CREATED, thread, new DiscussionThreadCreated(thread, classId, null, author,
                "Loops or recursion?", List.of(teacher), Instant.now()));
        awaitInbox(teacher, 1);
        as(teacher).get("/api/v1/notifications").then()
                .body("items[0].title", equalTo("New discussion: Loops or recursion?"))
                .body("items[0].body", equalTo("Dewi Discusses opened a thread in your class."));
        publish(Subjects.LEARNING_DISCUSSION_REPLY_POSTED, UUID.randomUUID(), new DiscussionReplyPosted(UUID.randomUUID(), thread,
                classId, replier, null, "Loops or recursion?", List.of(author), List.of(teacher), Instant.now()));
        awaitInbox(author, 1);
        awaitInbox(teacher, 2);
        as(author).get("/api/v1/notifications").then()
                .body("items[0].title", equalTo("New reply in: Loops or recursion?"))
                .body("items[0].body", equalTo("Rina Replies replied."))
                .body("items[0].data.threadId", equalTo(thread.toString()));
        as(replier).get("/api/v1/notifications").then().body("total", equalTo(0));
    }

    @Test
    void shouldSendALiveUpdateOfAReplyToAClassMemberViewingTheThreadWithoutStoringIt() throws Exception {
        UUID viewer = user("Vina Viewer", Role.STUDENT);
        UUID teacher = user("Tia Teacher", Role.TEACHER);
        enroll(viewer, teacher);
        awaitMembers(viewer, teacher);
        UUID thread = UUID.randomUUID();
        UUID replier = UUID.randomUUID();
        String token = NotificationTestEnvironment.tokens().token(viewer, tenantId, Role.STUDENT.name());
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(stream)
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            CompletableFuture<List<String>> event = CompletableFuture.supplyAsync(() -> readEvent(lines,
                    Subjects.LEARNING_DISCUSSION_REPLY_POSTED));
            Thread.sleep(500); // the stream subscribes to the user's subjects once it is open
            publish(Subjects.LEARNING_DISCUSSION_REPLY_POSTED, UUID.randomUUID(), new DiscussionReplyPosted(UUID.randomUUID(),
                    thread, classId, replier, null, "Watched thread", List.of(), List.of(teacher), Instant.now()));
            List<String> frame = event.get(20, TimeUnit.SECONDS);
            assertTrue(frame.stream().anyMatch(l -> l.startsWith("data:") && l.contains(thread.toString())), frame.toString());
            assertTrue(frame.stream().noneMatch(l -> l.startsWith("id:")), "a live update has no id: " + frame);
        }
        awaitInbox(teacher, 1);
        as(viewer).get("/api/v1/notifications").then().body("total", equalTo(0));
    }

    /** The lines of the first SSE event with this name (up to its blank line). */
    private static List<String> readEvent(BufferedReader lines, String name) {
        try {
            List<String> event = new ArrayList<>();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (event.contains("event:" + name) || event.contains("event: " + name)) {
                        return event;
                    }
                    event.clear();
                } else {
                    event.add(line);
                }
            }
            return event;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
