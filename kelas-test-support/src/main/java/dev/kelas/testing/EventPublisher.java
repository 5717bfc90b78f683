package dev.kelas.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.Nats;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes CloudEvents 1.0 envelopes (JSON structured mode) to JetStream as a producing service's outbox
 * relay does, with {@code Nats-Msg-Id} = event id, to feed a service under test the events it consumes.
 */
public final class EventPublisher implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final Connection connection;
    private final JetStream jetStream;

    private EventPublisher(Connection connection) throws java.io.IOException {
        this.connection = connection;
        this.jetStream = connection.jetStream();
    }

    /** Connects to a NATS server, e.g. {@link PrivateNats#url()}. */
    public static EventPublisher connect(String natsUrl) {
        try {
            return new EventPublisher(Nats.connect(natsUrl));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot connect to " + natsUrl, e);
        }
    }

    /** The NATS connection (for subscriptions a test needs). */
    public Connection connection() {
        return connection;
    }

    /**
     * Publishes one event and waits for the PubAck (the subject's stream must exist).
     *
     * @param subject     the event type, e.g. {@code kelas.auth.user.registered}
     * @param aggregateId the CloudEvents {@code subject}
     * @param data        the payload record, serialized with Jackson (dates as ISO-8601)
     * @return the event id
     */
    public UUID publish(String subject, UUID tenantId, String aggregateId, Object data) {
        UUID id = UUID.randomUUID();
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("specversion", "1.0");
        envelope.put("id", id.toString());
        envelope.put("source", "/kelas/tests");
        envelope.put("type", subject);
        envelope.put("subject", aggregateId);
        envelope.put("time", Instant.now().toString());
        envelope.put("tenantid", tenantId.toString());
        envelope.put("datacontenttype", "application/json");
        envelope.put("data", data);
        try {
            jetStream.publish(NatsMessage.builder().subject(subject).headers(new Headers().put("Nats-Msg-Id", id.toString()))
                    .data(JSON.writeValueAsBytes(envelope)).build());
        } catch (Exception e) {
            throw new IllegalStateException("Publishing " + subject + " failed", e);
        }
        return id;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
