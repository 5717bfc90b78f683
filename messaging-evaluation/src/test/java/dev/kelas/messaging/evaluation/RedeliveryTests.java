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
 * Guarantee (1), at-least-once with redelivery: HOLDS with connector 3.30.3. A nacked message comes back; the
 * connector turns the consumer's {@code backoff} list into NAK delays (delivery n waits backoff[n-1]); after
 * {@code max-deliver} deliveries the server stops.
 */
@QuarkusTest
@QuarkusTestResource(EvaluationEnvironment.class)
class RedeliveryTests {

    /** HOLDS: a message nacked once is delivered again and then acked; nothing is pending afterwards. */
    @Test
    void aNackedMessageIsRedeliveredHolds() {
        Publisher.publish("kelas-eval.redelivery", Publisher.RUN + "fail-once-1");

        await().atMost(Duration.ofSeconds(10)).until(() -> Deliveries.of("redelivery", Publisher.RUN + "fail-once-1").size() == 2);
        assertEquals(List.of(1L, 2L), Deliveries.of("redelivery", Publisher.RUN + "fail-once-1").stream().map(Delivery::delivered).toList());
        await().atMost(Duration.ofSeconds(5)).until(() -> Publisher.consumer("eval-redelivery").getNumAckPending() == 0);
    }

    /** HOLDS: a message that always fails gets max-deliver (3) deliveries, 1 s then 2 s apart, and no fourth. */
    @Test
    void backoffBetweenDeliveriesAndMaxDeliverHolds() throws InterruptedException {
        Publisher.publish("kelas-eval.redelivery", Publisher.RUN + "always-fail-1");

        await().atMost(Duration.ofSeconds(15)).until(() -> Deliveries.of("redelivery", Publisher.RUN + "always-fail-1").size() == 3);
        List<Delivery> deliveries = Deliveries.of("redelivery", Publisher.RUN + "always-fail-1");
        assertEquals(List.of(1L, 2L, 3L), deliveries.stream().map(Delivery::delivered).toList());
        long firstGap = Duration.between(deliveries.get(0).started(), deliveries.get(1).started()).toMillis();
        long secondGap = Duration.between(deliveries.get(1).started(), deliveries.get(2).started()).toMillis();
        assertTrue(firstGap >= 900 && firstGap < 1900, "first backoff 1 s, was " + firstGap + " ms");
        assertTrue(secondGap >= 1900 && secondGap < 3900, "second backoff 2 s, was " + secondGap + " ms");
        Thread.sleep(3000);
        assertEquals(3, Deliveries.of("redelivery", Publisher.RUN + "always-fail-1").size(), "max-deliver 3 ends the deliveries");
    }
}
