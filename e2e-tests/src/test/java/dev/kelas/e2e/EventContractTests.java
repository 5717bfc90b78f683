package dev.kelas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kelas.contracts.EventCatalog;
import dev.kelas.contracts.Subjects;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.ConsumerInfo;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The event contract against the running system: the durable JetStream consumers the four services create are
 * exactly those of {@link EventCatalog#CONSUMERS} (the source of docs/asyncapi.yaml), each on its stream with its
 * one filter subject, so the AsyncAPI document cannot claim a consumer that does not exist or miss one that does.
 */
class EventContractTests {

    @Test
    void shouldRunExactlyTheCataloguedDurableConsumers() throws Exception {
        KelasSystem system = KelasSystem.get();
        Set<String> catalogued = EventCatalog.CONSUMERS.stream()
                .map(c -> c.stream().name() + " " + c.durableName() + " " + c.filterSubject())
                .collect(Collectors.toCollection(TreeSet::new));
        try (Connection nats = Nats.connect("nats://127.0.0.1:" + system.natsPort())) {
            JetStreamManagement management = nats.jetStreamManagement();
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(catalogued, running(management)));
        }
    }

    private static Set<String> running(JetStreamManagement management) throws Exception {
        Set<String> running = new TreeSet<>();
        for (Subjects.Stream stream : Subjects.Stream.values()) {
            if (stream == Subjects.Stream.KELAS_DLQ) {
                continue;
            }
            for (ConsumerInfo info : management.getConsumers(stream.name())) {
                String durable = info.getConsumerConfiguration().getDurable();
                if (durable != null && !durable.isEmpty()) {
                    running.add(stream.name() + " " + durable + " " + info.getConsumerConfiguration().getFilterSubject());
                }
            }
        }
        return running;
    }
}
