package dev.kelas.notification.inbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kelas.contracts.Role;
import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.AssignmentDeleted;
import dev.kelas.contracts.events.AssignmentPublished;
import dev.kelas.contracts.events.AssignmentUpdated;
import dev.kelas.contracts.events.EnrollmentCreated;
import dev.kelas.contracts.events.UserRegistered;
import dev.kelas.notification.testing.NotificationTestEnvironment;
import dev.kelas.runtime.messaging.Reactive;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * "Due soon" reminders follow learning-service's changes: a moved due date ({@code kelas.learning.assignment.updated})
 * reschedules the reminder, an older change is ignored, a deleted assignment is reminded of no more.
 */
@QuarkusTest
@QuarkusTestResource(value = NotificationTestEnvironment.class, restrictToAnnotatedClass = true)
class DueSoonReminderTests {
    private static final String DUE_SOON = "kelas.notification.assignment.due-soon";
    private final UUID tenantId = UUID.randomUUID();
    private final UUID classId = UUID.randomUUID();
    private final UUID teacherId = UUID.randomUUID();

    @Inject
    ReminderService reminders;

    @Test
    void shouldMoveTheReminderWhenTheDueDateMoves() {
        UUID student = enrolledStudent("Rina Remind");
        UUID assignment = UUID.randomUUID();
        Instant farAway = Instant.now().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.SECONDS);
        publish(Subjects.LEARNING_ASSIGNMENT_PUBLISHED, assignment, new AssignmentPublished(assignment, classId, teacherId,
                "Essay", "ESSAY", BigDecimal.TEN, farAway, Instant.now(), null));
        awaitCount("select count(*) from class_assignment where assignment_id = ?", assignment, 1);
        remindAll();
        assertEquals(0, dueSoon(student).size(), "five days away is outside the 24-hour window");

        // Moved to within the window: the reminder comes, for the new date.
        Instant soon = Instant.now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        publish(Subjects.LEARNING_ASSIGNMENT_UPDATED, assignment, new AssignmentUpdated(assignment, classId, "Essay",
                "ESSAY", BigDecimal.TEN, soon, farAway, null, 1, Instant.now()));
        awaitCount("select count(*) from class_assignment where assignment_id = ? and version = 1", assignment, 1);
        remindAll();
        awaitDueSoon(student, 1);
        assertEquals(soon, Instant.parse(dueSoon(student).get(0)));

        // An older change arriving late changes nothing; moving it again reminds again, for that date.
        publish(Subjects.LEARNING_ASSIGNMENT_UPDATED, assignment, new AssignmentUpdated(assignment, classId, "Essay",
                "ESSAY", BigDecimal.TEN, farAway, farAway, null, 0, Instant.now()));
        Instant sooner = soon.minus(Duration.ofHours(1));
        publish(Subjects.LEARNING_ASSIGNMENT_UPDATED, assignment, new AssignmentUpdated(assignment, classId, "Essay",
                "ESSAY", BigDecimal.TEN, sooner, soon, null, 2, Instant.now()));
        awaitCount("select count(*) from class_assignment where assignment_id = ? and version = 2", assignment, 1);
        remindAll();
        awaitDueSoon(student, 2);
        as(student).get("/api/v1/notifications?size=50").then().statusCode(200)
                .body("items.findAll { it.type == '%s' }.data.dueAt".formatted(DUE_SOON),
                        equalTo(List.of(sooner.toString(), soon.toString())));
    }

    @Test
    void shouldNotRemindOfADeletedAssignment() {
        UUID student = enrolledStudent("Dodi Deleted");
        UUID assignment = UUID.randomUUID();
        Instant farAway = Instant.now().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.SECONDS);
        publish(Subjects.LEARNING_ASSIGNMENT_PUBLISHED, assignment, new AssignmentPublished(assignment, classId, teacherId,
                "Gone", "ESSAY", BigDecimal.TEN, farAway, Instant.now(), null));
        awaitCount("select count(*) from class_assignment where assignment_id = ?", assignment, 1);
        publish(Subjects.LEARNING_ASSIGNMENT_DELETED, assignment, new AssignmentDeleted(assignment, classId, Instant.now()));
        awaitCount("select count(*) from class_assignment where assignment_id = ?", assignment, 0);
        // A change after the deletion finds nothing to move.
        publish(Subjects.LEARNING_ASSIGNMENT_UPDATED, assignment, new AssignmentUpdated(assignment, classId, "Gone",
                "ESSAY", BigDecimal.TEN, Instant.now().plus(Duration.ofHours(2)), farAway, null, 1, Instant.now()));
        remindAll();
        as(student).get("/api/v1/notifications?size=50").then().statusCode(200)
                .body("items.findAll { it.type == '%s' }".formatted(DUE_SOON), hasSize(0));
    }

    private UUID enrolledStudent(String name) {
        UUID id = UUID.randomUUID();
        publish(Subjects.AUTH_USER_REGISTERED, id, new UserRegistered(id, tenantId, id + "@school.test", name, Role.STUDENT, Instant.now()));
        publish(Subjects.LEARNING_ENROLLMENT_CREATED, UUID.randomUUID(), new EnrollmentCreated(UUID.randomUUID(), classId, id,
                Instant.now().minusSeconds(60), teacherId));
        awaitCount("select count(*) from class_member where user_id = ?", id, 1);
        return id;
    }

    /** Runs the due-soon job as the scheduler does, until nothing is left to remind of. */
    private void remindAll() {
        while (Reactive.await(reminders::remindNext) != null) {
            // next
        }
    }

    private void awaitDueSoon(UUID student, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> dueSoon(student).size() == count);
    }

    /** The due dates of the student's due-soon reminders, newest first. */
    private List<String> dueSoon(UUID student) {
        return as(student).get("/api/v1/notifications?size=50").then().statusCode(200).extract()
                .path("items.findAll { it.type == '%s' }.data.dueAt".formatted(DUE_SOON));
    }

    private RequestSpecification as(UUID userId) {
        return given().contentType(ContentType.JSON)
                .auth().oauth2(NotificationTestEnvironment.tokens().token(userId, tenantId, Role.STUDENT.name()));
    }

    private void publish(String subject, UUID aggregate, Object data) {
        NotificationTestEnvironment.events().publish(subject, tenantId, aggregate.toString(), data);
    }

    private static void awaitCount(String sql, UUID id, long expected) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> count(sql, id) == expected);
    }

    private static long count(String sql, UUID id) throws Exception {
        try (Connection connection = DriverManager.getConnection(NotificationTestEnvironment.jdbcUrl());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
