package dev.kelas.messaging.evaluation;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Guarantee (2), ack only after the handler's transaction commits, and with an Inbox an exactly-once effect: HOLDS
 * with connector 3.30.3 when the handler returns its Vert.x PG transaction as a Uni and acks on its completion. The
 * message stays unacknowledged while the transaction is open; a failure after the commit (a crash before the ack)
 * gets the message redelivered, and the Inbox row turns the second delivery into a no-op.
 */
@QuarkusTest
@QuarkusTestResource(EvaluationEnvironment.class)
class InboxTests {

    /** HOLDS: while the transaction is open the message is unacked and its effect invisible; after the commit it is acked. */
    @Test
    void theAckComesOnlyAfterTheCommitHolds() throws SQLException {
        Publisher.publish("kelas-eval.inbox", Publisher.RUN + "e1:slow");

        await().atMost(Duration.ofSeconds(10)).until(EvaluationHandlers.INBOX_TRANSACTION_OPEN::get);
        assertEquals(1, Publisher.consumer("eval-inbox").getNumAckPending());
        assertEquals(0, effects(Publisher.RUN + "e1"), "not committed yet");

        await().atMost(Duration.ofSeconds(10)).until(() -> effects(Publisher.RUN + "e1") == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> Publisher.consumer("eval-inbox").getNumAckPending() == 0);
    }

    /** HOLDS: a crash between commit and ack redelivers the message; the Inbox keeps the effect at one. */
    @Test
    void aRedeliveryAfterTheCommitHasNoSecondEffectHolds() throws SQLException {
        Publisher.publish("kelas-eval.inbox", Publisher.RUN + "e2:fail-after-commit");

        await().atMost(Duration.ofSeconds(10)).until(() -> Deliveries.of("inbox", Publisher.RUN + "e2:fail-after-commit").size() == 2);
        await().atMost(Duration.ofSeconds(5)).until(() -> Publisher.consumer("eval-inbox").getNumAckPending() == 0);
        assertEquals(1, effects(Publisher.RUN + "e2"));
    }

    private static int effects(String eventId) throws SQLException {
        try (var connection = EvaluationEnvironment.database();
             var statement = connection.prepareStatement("select count(*) from effect where event_id = ?")) {
            statement.setString(1, eventId);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
