package dev.kelas.learning.member;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kelas.contracts.Role;
import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.UserRegistered;
import dev.kelas.contracts.events.UserUpdated;
import dev.kelas.learning.testing.LearningTestEnvironment;
import dev.kelas.learning.testing.NatsBus;
import dev.kelas.learning.testing.TestSchool;
import io.nats.client.Subscription;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * What the runtime's declared consumers ({@code DeclaredConsumers}) promise a handler, shown on
 * learning-service's user listener: an event applies once however often it is delivered, and a failed
 * one leaves no inbox mark before it is dead-lettered; and the copy follows a later name change, not an older one.
 */
@QuarkusTest
@WithTestResource(LearningTestEnvironment.class)
class DeclaredConsumerTests {
    private static final String CONSUMER = "learning-auth-users";

    @Test
    void shouldApplyARedeliveredEventOnce() {
        UUID tenant = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        NatsBus.get().publish(Subjects.AUTH_USER_REGISTERED, tenant, user.toString(), registered(user, tenant, "First Name"), eventId,
                eventId.toString());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> members(user) == 1);
        // The same event again under another message id (JetStream's de-duplication does not stop it), now with another name.
        NatsBus.get().publish(Subjects.AUTH_USER_REGISTERED, tenant, user.toString(), registered(user, tenant, "Second Name"), eventId,
                "again-" + eventId);
        UUID marker = UUID.randomUUID();
        NatsBus.get().publish(Subjects.AUTH_USER_REGISTERED, tenant, marker.toString(), registered(marker, tenant, "Marker"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> members(marker) == 1); // the consumer is past the repeat

        assertEquals(1, TestSchool.count("select count(*) from member where user_id = ? and name = 'First Name'", user));
        assertEquals(1, TestSchool.count("select count(*) from processed_message where consumer = ? and message_id = ?", CONSUMER, eventId));
    }

    @Test
    void shouldLeaveNoInboxMarkForAFailedEventAndDeadLetterIt() throws Exception {
        UUID tenant = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        Subscription deadLetters = NatsBus.get().connection().subscribe(Subjects.deadLetter(CONSUMER));
        // The payload names another school than the envelope: the service refuses it on every delivery.
        NatsBus.get().publish(Subjects.AUTH_USER_REGISTERED, tenant, user.toString(), registered(user, UUID.randomUUID(), "Wrong School"),
                eventId, eventId.toString());

        var dead = deadLetters.nextMessage(Duration.ofSeconds(40));
        deadLetters.unsubscribe();
        assertEquals(true, dead != null && new String(dead.getData()).contains(eventId.toString()), "dead-lettered");
        assertEquals(0, TestSchool.count("select count(*) from processed_message where consumer = ? and message_id = ?", CONSUMER, eventId));
        assertEquals(0, members(user));
    }

    @Test
    void shouldFollowANameChangeButNotAnOlderOne() {
        UUID tenant = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        Instant registeredAt = Instant.now().minusSeconds(60);
        NatsBus.get().publish(Subjects.AUTH_USER_REGISTERED, tenant, user.toString(),
                new UserRegistered(user, tenant, user + "@school.test", "Old Name", Role.STUDENT, registeredAt));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> members(user) == 1);
        NatsBus.get().publish(Subjects.AUTH_USER_UPDATED, tenant, user.toString(),
                new UserUpdated(user, tenant, "New Name", Role.STUDENT, true, registeredAt.plusSeconds(30), "de", "Europe/Berlin"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                TestSchool.count("select count(*) from member where user_id = ? and name = 'New Name'", user) == 1);
        // an update older than the copy (redelivered late, or from before) changes nothing
        UUID stale = UUID.randomUUID();
        NatsBus.get().publish(Subjects.AUTH_USER_UPDATED, tenant, user.toString(),
                new UserUpdated(user, tenant, "Stale Name", Role.STUDENT, true, registeredAt.plusSeconds(10)), stale, stale.toString());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> TestSchool.count(
                "select count(*) from processed_message where consumer = 'learning-auth-users-updated' and message_id = ?", stale) == 1);
        assertEquals(1, TestSchool.count("select count(*) from member where user_id = ? and name = 'New Name'", user));
    }

    private static UserRegistered registered(UUID user, UUID tenant, String name) {
        return new UserRegistered(user, tenant, user + "@school.test", name, Role.STUDENT, Instant.now());
    }

    private static long members(UUID user) {
        return TestSchool.count("select count(*) from member where user_id = ?", user);
    }
}
