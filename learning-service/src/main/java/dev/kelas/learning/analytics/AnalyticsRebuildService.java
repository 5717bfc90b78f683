package dev.kelas.learning.analytics;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelas.contracts.EventEnvelope;
import dev.kelas.contracts.Subjects;
import dev.kelas.runtime.messaging.EventContext;
import dev.kelas.runtime.messaging.JetStreamClient;
import dev.kelas.runtime.messaging.Reactive;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Rebuilds one school's analytics read model from scratch: deletes its rows, then replays {@code KELAS_LEARNING} and
 * {@code KELAS_LAB} from their first message through fresh ordered (ephemeral) consumers, applying the school's
 * events through the durable consumers' own {@code apply} ({@link AnalyticsConsumer}), one transaction per event. Runs on its own thread; the call that starts it answers at once. While it runs the school's figures are
 * incomplete; the durable consumers keep applying new events, which is safe because every projection is keyed by the
 * fact's id (applying an event again sets the same values). Events older than the streams' retention (7 days) are
 * gone from JetStream, so a rebuild can only recover what the streams still hold.
 */
@ApplicationScoped
public class AnalyticsRebuildService {
    private static final Logger LOG = Logger.getLogger(AnalyticsRebuildService.class);
    private static final TypeReference<EventEnvelope<JsonNode>> ENVELOPE = new TypeReference<>() {
    };
    private static final List<String> TABLES = List.of("analytics_enrollment", "analytics_assignment", "analytics_hand_in",
            "analytics_grade", "analytics_attendance", "analytics_behavior", "analytics_lab_attempt", "analytics_class", "analytics_activity", "analytics_watermark");
    private static final Duration IDLE = Duration.ofSeconds(2);

    /** A rebuild's state: RUNNING, FINISHED or FAILED, and how many of the school's events it applied. */
    public record Rebuild(UUID id, UUID tenantId, String state, long applied, Instant startedAt, Instant finishedAt) {
    }

    private final JetStreamClient client;
    private final ObjectMapper json;
    private final Map<UUID, Rebuild> rebuilds = new ConcurrentHashMap<>();
    /** The analytics consumers by the one event type (their filter subject) each takes. */
    private final Map<String, AnalyticsConsumer<?>> consumersByType = new HashMap<>();

    public AnalyticsRebuildService(JetStreamClient client, ObjectMapper json, @Any Instance<AnalyticsConsumer<?>> consumers) {
        this.client = client;
        this.json = json;
        for (AnalyticsConsumer<?> consumer : consumers) {
            consumersByType.put(consumer.spec().filterSubject(), consumer);
        }
    }

    /** Starts rebuilding the school's read model in the background; returns the rebuild (state RUNNING). */
    public Rebuild startRebuild(UUID tenantId) {
        UUID id = UUID.randomUUID();
        Rebuild started = new Rebuild(id, tenantId, "RUNNING", 0, Instant.now(), null);
        rebuilds.put(id, started);
        Thread worker = new Thread(() -> run(started), "analytics-rebuild-" + id);
        worker.setDaemon(true);
        worker.start();
        return started;
    }

    /** The rebuild with this id of this school, or null (unknown, or another school's). */
    public Rebuild rebuild(UUID tenantId, UUID id) {
        Rebuild found = rebuilds.get(id);
        return found != null && found.tenantId().equals(tenantId) ? found : null;
    }

    private void run(Rebuild started) {
        UUID tenant = started.tenantId();
        long applied = 0;
        try {
            Reactive.await(() -> Panache.withTransaction(() -> {
                Uni<Integer> chain = Uni.createFrom().item(0);
                for (String table : TABLES) {
                    chain = chain.chain(() -> Panache.getSession().chain(session -> session
                            .createNativeQuery("delete from " + table + " where tenant_id = ?1").setParameter(1, tenant).executeUpdate()));
                }
                return chain;
            }));
            applied += replay(Subjects.Stream.KELAS_LEARNING.subjects(), tenant);
            applied += replay(Subjects.LAB_SUBMISSION_GRADED, tenant);
            rebuilds.put(started.id(), new Rebuild(started.id(), tenant, "FINISHED", applied, started.startedAt(), Instant.now()));
        } catch (Exception e) {
            LOG.errorf(e, "Rebuilding the analytics of school %s failed", tenant);
            rebuilds.put(started.id(), new Rebuild(started.id(), tenant, "FAILED", applied, started.startedAt(), Instant.now()));
        }
    }

    /** Reads the subject's stream from its first message until nothing is pending; applies the school's events. */
    private long replay(String filterSubject, UUID tenant) throws Exception {
        long applied = 0;
        JetStreamSubscription subscription = client.jetStream().subscribe(filterSubject, PushSubscribeOptions.builder().ordered(true)
                .configuration(ConsumerConfiguration.builder().deliverPolicy(DeliverPolicy.All).build()).build());
        try {
            while (true) {
                Message message = subscription.nextMessage(IDLE);
                if (message == null) {
                    return applied;
                }
                EventEnvelope<JsonNode> envelope = json.readValue(message.getData(), ENVELOPE);
                if (tenant.equals(envelope.tenantid()) && apply(tenant, envelope)) {
                    applied++;
                }
                if (message.metaData().pendingCount() == 0) {
                    return applied;
                }
            }
        } finally {
            subscription.unsubscribe();
        }
    }

    /**
     * Applies one of the school's events through the analytics consumer of its type, without the inbox (a rebuild
     * applies every event again on purpose).
     *
     * @return whether an analytics consumer takes this type
     */
    private boolean apply(UUID tenant, EventEnvelope<JsonNode> envelope) {
        AnalyticsConsumer<?> consumer = consumersByType.get(envelope.type());
        if (consumer == null) {
            return false;
        }
        Reactive.await(() -> Panache.withTransaction(() -> applyTo(consumer, tenant, envelope).replaceWithVoid()));
        return true;
    }

    private <T> Uni<?> applyTo(AnalyticsConsumer<T> consumer, UUID tenant, EventEnvelope<JsonNode> envelope) {
        T data;
        try {
            data = json.treeToValue(envelope.data(), consumer.payloadType());
        } catch (Exception e) {
            throw new IllegalArgumentException("An event does not carry a " + consumer.payloadType().getSimpleName(), e);
        }
        return consumer.apply(new EventContext(consumer.spec().durableName(), envelope.id(), tenant, envelope.type(), null), data);
    }
}
