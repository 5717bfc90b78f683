package dev.kelas.learning.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.kelas.contracts.EventEnvelope;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.JetStream;
import io.nats.client.Nats;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.impl.Headers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * The tests' side of NATS: publishes CloudEvents the way auth-service and lab-service do, and records
 * every {@code kelas.learning.*} event learning-service publishes (read from its JetStream stream).
 */
public final class NatsBus implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static NatsBus instance;

    private final Connection connection;
    private final JetStream jetStream;
    private final List<JsonNode> learningEvents = new CopyOnWriteArrayList<>();

    private NatsBus(Connection connection) throws Exception {
        this.connection = connection;
        this.jetStream = connection.jetStream();
        Dispatcher dispatcher = connection.createDispatcher();
        jetStream.subscribe("kelas.learning.>", dispatcher, message -> {
            try {
                learningEvents.add(JSON.readTree(message.getData()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, false, PushSubscribeOptions.builder().ordered(true)
                .configuration(ConsumerConfiguration.builder().deliverPolicy(DeliverPolicy.All).build()).build());
    }

    /** The bus of this test JVM, connected on first use (after learning-service created its streams). */
    public static synchronized NatsBus get() {
        if (instance == null) {
            try {
                instance = new NatsBus(Nats.connect(LearningTestEnvironment.natsUrl()));
            } catch (Exception e) {
                throw new IllegalStateException("Cannot connect to the test NATS server", e);
            }
        }
        return instance;
    }

    /** Publishes a CloudEvent on a subject, as another service's outbox relay would. */
    public void publish(String subject, UUID tenantId, String aggregateId, Object payload) {
        UUID id = UUID.randomUUID();
        publish(subject, tenantId, aggregateId, payload, id, id.toString());
    }

    /**
     * Publishes a CloudEvent with a given event id under a given {@code Nats-Msg-Id}: a second publication of
     * the same event id under another message id gets past JetStream's de-duplication, as a redelivery would.
     */
    public void publish(String subject, UUID tenantId, String aggregateId, Object payload, UUID eventId, String messageId) {
        publish(subject, tenantId, aggregateId, payload, eventId, messageId, null);
    }

    /** Publishes a CloudEvent that descends from the request with this {@code requestid} (or from none, if null). */
    public void publish(String subject, UUID tenantId, String aggregateId, Object payload, UUID eventId, String messageId,
                        String requestId) {
        EventEnvelope<Object> envelope = EventEnvelope.of(eventId, "/kelas/test", subject, aggregateId, Instant.now(), tenantId,
                null, requestId, payload);
        try {
            Headers headers = new Headers().add("Nats-Msg-Id", messageId);
            jetStream.publish(subject, headers, JSON.writeValueAsBytes(envelope));
        } catch (Exception e) {
            throw new IllegalStateException("Publishing " + subject + " failed", e);
        }
    }

    /** Waits up to 20 s for a learning event of this type whose data matches, and returns its envelope. */
    public JsonNode awaitEvent(String type, Predicate<JsonNode> data) {
        JsonNode[] found = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
            found[0] = find(type, data);
            return found[0] != null;
        });
        return found[0];
    }

    /** A learning event seen so far of this type whose data matches, or null. */
    public JsonNode find(String type, Predicate<JsonNode> data) {
        return learningEvents.stream().filter(e -> e.path("type").asText().equals(type) && data.test(e.path("data")))
                .findFirst().orElse(null);
    }

    /** Every learning event seen so far of this type whose data matches. */
    public List<JsonNode> all(String type, Predicate<JsonNode> data) {
        return learningEvents.stream().filter(e -> e.path("type").asText().equals(type) && data.test(e.path("data"))).toList();
    }

    /** The connection, for tests that listen on core NATS subjects (dead letters). */
    public Connection connection() {
        return connection;
    }

    @Override
    public void close() throws InterruptedException {
        connection.close();
    }
}
