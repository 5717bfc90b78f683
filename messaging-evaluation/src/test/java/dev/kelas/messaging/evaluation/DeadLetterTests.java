package dev.kelas.messaging.evaluation;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Guarantee (6), a dead-letter copy after the last delivery: DOES NOT HOLD with connector 3.30.3. The connector
 * has no dead-letter setting; after max-deliver the message just stays in the stream. Nothing is published to
 * {@code kelas.dlq.<consumer>} (what JetStreamConsumers does, with the error in headers); only the server's own
 * MAX_DELIVERIES advisory (stream sequence, no payload) is left to build one from.
 */
@QuarkusTest
@QuarkusTestResource(EvaluationEnvironment.class)
class DeadLetterTests {

    /** DOES NOT HOLD: after the third (last) failed delivery no copy of the message appears on kelas.dlq.>. */
    @Test
    void noDeadLetterCopyAfterTheLastDeliveryDoesNotHold() throws Exception {
        try (Connection nats = EvaluationEnvironment.nats()) {
            Subscription deadLetters = nats.subscribe("kelas.dlq.>");
            Subscription advisories = nats.subscribe("$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES." + EvaluationEnvironment.STREAM + ".eval-redelivery");
            nats.flush(Duration.ofSeconds(2));

            Publisher.publish("kelas-eval.redelivery", Publisher.RUN + "always-fail-dlq");
            await().atMost(Duration.ofSeconds(15)).until(() -> Deliveries.of("redelivery", Publisher.RUN + "always-fail-dlq").size() == 3);

            Message advisory = advisories.nextMessage(Duration.ofSeconds(5));
            System.out.println("MAX_DELIVERIES advisory: " + (advisory == null ? null : new String(advisory.getData(), StandardCharsets.UTF_8)));
            assertNotNull(advisory, "the server's MAX_DELIVERIES advisory (stream sequence only)");
            Message deadLetter = deadLetters.nextMessage(Duration.ofSeconds(2));
            assertEquals(null, deadLetter, "the connector publishes no dead-letter copy");
        }
    }
}
