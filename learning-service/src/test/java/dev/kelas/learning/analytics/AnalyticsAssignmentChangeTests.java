package dev.kelas.learning.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.AssignmentDeleted;
import dev.kelas.contracts.events.AssignmentPublished;
import dev.kelas.contracts.events.AssignmentUpdated;
import dev.kelas.learning.testing.LearningTestEnvironment;
import dev.kelas.learning.testing.NatsBus;
import dev.kelas.learning.testing.TestSchool;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The analytics read model follows assignment changes through the real nats-server and PostgreSQL: a moved due time
 * and new points arrive with {@code kelas.learning.assignment.updated} (an older version is skipped, and a change that
 * came before the publication is not undone by it), and {@code kelas.learning.assignment.deleted} takes the
 * assignment out of every figure while a tombstone keeps a late publication from bringing it back.
 */
@QuarkusTest
@WithTestResource(LearningTestEnvironment.class)
class AnalyticsAssignmentChangeTests {
    private final UUID tenant = UUID.randomUUID();
    private final UUID classId = UUID.randomUUID();
    private final Instant due = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    private void publish(String subject, UUID assignment, Object event) {
        NatsBus.get().publish(subject, tenant, assignment.toString(), event);
    }

    private AssignmentPublished published(UUID id) {
        return new AssignmentPublished(id, classId, UUID.randomUUID(), "Essay", "ESSAY", BigDecimal.TEN, due, Instant.now(), null);
    }

    private AssignmentUpdated updated(UUID id, String title, int points, Instant dueAt, int version) {
        return new AssignmentUpdated(id, classId, title, "ESSAY", BigDecimal.valueOf(points), dueAt, due, null, version, Instant.now());
    }

    private static long rows(String where, Object... values) {
        return TestSchool.count("select count(*) from analytics_assignment where " + where, values);
    }

    @Test
    void shouldFollowAChangedDueTimeAndSkipAnOlderVersion() {
        UUID id = UUID.randomUUID();
        publish(Subjects.LEARNING_ASSIGNMENT_PUBLISHED, id, published(id));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> rows("id = ?", id) == 1);
        Instant later = due.plus(2, ChronoUnit.DAYS);
        publish(Subjects.LEARNING_ASSIGNMENT_UPDATED, id, updated(id, "Essay, revised", 20, later, 3));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> rows("id = ? and version = 3", id) == 1);
        publish(Subjects.LEARNING_ASSIGNMENT_UPDATED, id, updated(id, "Stale", 5, due, 2));
        UUID marker = UUID.randomUUID(); // the consumer is past the stale change once this one is applied
        publish(Subjects.LEARNING_ASSIGNMENT_UPDATED, marker, updated(marker, "Marker", 1, due, 1));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> rows("id = ?", marker) == 1);
        assertEquals(1, rows("id = ? and title = 'Essay, revised' and points = 20 and due_at = ? and deleted_at is null", id,
                java.sql.Timestamp.from(later)));
    }

    @Test
    void shouldKeepAChangeThatCameBeforeThePublicationAndDropADeletedAssignmentForGood() {
        UUID id = UUID.randomUUID();
        Instant later = due.plus(1, ChronoUnit.DAYS);
        publish(Subjects.LEARNING_ASSIGNMENT_UPDATED, id, updated(id, "Changed first", 15, later, 2));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> rows("id = ?", id) == 1);
        Instant publishedAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        publish(Subjects.LEARNING_ASSIGNMENT_PUBLISHED, id, new AssignmentPublished(id, classId, UUID.randomUUID(), "Essay", "ESSAY",
                BigDecimal.TEN, due, publishedAt, null));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> rows("id = ? and published_at = ?", id,
                java.sql.Timestamp.from(publishedAt)) == 1);
        assertEquals(1, rows("id = ? and version = 2 and title = 'Changed first' and points = 15 and due_at = ?", id,
                java.sql.Timestamp.from(later)));

        UUID gone = UUID.randomUUID();
        publish(Subjects.LEARNING_ASSIGNMENT_DELETED, gone, new AssignmentDeleted(gone, classId, Instant.now()));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> rows("id = ? and deleted_at is not null", gone) == 1);
        publish(Subjects.LEARNING_ASSIGNMENT_PUBLISHED, gone, published(gone)); // late: the tombstone stays
        UUID marker = UUID.randomUUID();
        publish(Subjects.LEARNING_ASSIGNMENT_PUBLISHED, marker, published(marker));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> rows("id = ?", marker) == 1);
        assertEquals(1, rows("id = ? and deleted_at is not null", gone));
    }
}
