package dev.kelas.messaging.evaluation;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kelas.messaging.evaluation.Deliveries.Delivery;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Guarantee (5), per-subject order: DOES NOT HOLD with connector 3.30.3. The connector pulls batches (100 messages
 * in flight at once) and hands them to a {@code @Blocking} (ordered) method, but not reliably in stream order: one
 * run saw {@code run1-5} handled before {@code run1-2}, and with a nack in the middle the order varied between runs.
 * The inversions do not happen every run, so these tests assert what always holds (each message handled, the nacked
 * one redelivered) and print the order they saw. JetStreamConsumers with concurrency 1 fetches one message at a
 * time, so it keeps order while nothing fails; after a NAK it also fetches the next message during the backoff,
 * so neither keeps order across a redelivery.
 */
@QuarkusTest
@QuarkusTestResource(EvaluationEnvironment.class)
class OrderTests {

    /** Measured: 20 messages in flight are each handled once; stream order is NOT guaranteed (inversions printed). */
    @Test
    void messagesOfOneSubjectAreHandledOnceButOrderIsNotGuaranteedDoesNotHold() {
        List<String> sent = IntStream.rangeClosed(1, 20).mapToObj(n -> Publisher.RUN + "run1-" + n).toList();
        sent.forEach(payload -> Publisher.publish("kelas-eval.ordered", payload));

        await().atMost(Duration.ofSeconds(10)).until(() -> handled(Publisher.RUN + "run1-").size() >= 20);
        List<String> handled = handled(Publisher.RUN + "run1-");
        assertEquals(Set.copyOf(sent), Set.copyOf(handled));
        assertEquals(20, handled.size(), "each message once");
        System.out.println("Ordered channel, stream order kept: " + sent.equals(handled) + ", handled: " + handled);
    }

    /**
     * DOES NOT HOLD: with a nack in the middle, the handling order is printed, not asserted: observed runs had
     * run2-3 before the redelivered run2-2, and once even delivery 2 of run2-2 handled before delivery 1. Asserted:
     * every message is handled and the nacked one is redelivered.
     */
    @Test
    void orderAcrossARedeliveryDoesNotHold() {
        List.of("run2-1", "run2-2-fail", "run2-3").stream().map(p -> Publisher.RUN + p).forEach(payload -> Publisher.publish("kelas-eval.ordered", payload));

        await().atMost(Duration.ofSeconds(10)).until(() -> handled(Publisher.RUN + "run2-").size() >= 4);
        List<Delivery> run = Deliveries.of("ordered").stream().filter(d -> d.payload().startsWith(Publisher.RUN + "run2-")).toList();
        System.out.println("run2 deliveries: " + run);
        assertTrue(indexOf(run, Publisher.RUN + "run2-1", 1) >= 0 && indexOf(run, Publisher.RUN + "run2-3", 1) >= 0, "all handled: " + run);
        assertTrue(indexOf(run, Publisher.RUN + "run2-2-fail", 2) >= 0, "the nacked message is redelivered: " + run);
    }

    private static int indexOf(List<Delivery> run, String payload, long delivered) {
        for (int i = 0; i < run.size(); i++) {
            if (run.get(i).payload().equals(payload) && run.get(i).delivered() == delivered) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> handled(String prefix) {
        return Deliveries.of("ordered").stream().map(Delivery::payload).filter(p -> p.startsWith(prefix)).toList();
    }
}
