package dev.kelas.messaging.evaluation;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kelas.messaging.evaluation.Deliveries.Delivery;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Guarantee (3), no redelivery while a long handler still works: DOES NOT HOLD with connector 3.30.3. The connector
 * never sends in-progress acks (and its message type does not expose {@code inProgress()} to the handler), so a
 * handler longer than ack-wait (3 s against 1 s) has its message redelivered while it runs, and the handler runs
 * again for the same message. JetStreamConsumers sends {@code inProgress()} heartbeats while the handler works.
 */
@QuarkusTest
@QuarkusTestResource(EvaluationEnvironment.class)
class LongHandlerTests {

    /** DOES NOT HOLD: the server redelivers during the first run and the handler runs a second time. */
    @Test
    void aHandlerLongerThanAckWaitIsNotKeptAliveDoesNotHold() {
        Publisher.publish("kelas-eval.long", Publisher.RUN + "long-1");

        await().atMost(Duration.ofSeconds(3)).until(() -> Publisher.consumer("eval-long").getRedelivered() >= 1);
        assertTrue(Deliveries.of("long", Publisher.RUN + "long-1").isEmpty(), "redelivered while the first run was still working");

        await().atMost(Duration.ofSeconds(15)).until(() -> Deliveries.of("long", Publisher.RUN + "long-1").size() >= 2);
        List<Delivery> runs = Deliveries.of("long", Publisher.RUN + "long-1");
        assertEquals(1L, runs.get(0).delivered());
        assertTrue(runs.get(1).delivered() >= 2, "the second run is a redelivery: " + runs);
    }
}
