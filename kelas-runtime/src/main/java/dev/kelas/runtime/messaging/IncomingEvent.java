package dev.kelas.runtime.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelas.contracts.EventEnvelope;
import java.util.UUID;

/**
 * One event taken from JetStream: its CloudEvents envelope with the payload still as JSON, how
 * many times it has been delivered, and a typed view of its data.
 */
public final class IncomingEvent {
    private final EventEnvelope<JsonNode> envelope;
    private final long deliveryCount;
    private final ObjectMapper json;

    IncomingEvent(EventEnvelope<JsonNode> envelope, long deliveryCount, ObjectMapper json) {
        this.envelope = envelope;
        this.deliveryCount = deliveryCount;
        this.json = json;
    }

    /** The event id: the inbox key and the {@code Nats-Msg-Id}. */
    public UUID id() {
        return envelope.id();
    }

    /** The tenant the event belongs to; handlers scope every query to it. */
    public UUID tenantId() {
        return envelope.tenantid();
    }

    /** The CloudEvents type, which is the subject, e.g. {@code kelas.lab.submission.graded}. */
    public String type() {
        return envelope.type();
    }

    /** The whole envelope. */
    public EventEnvelope<JsonNode> envelope() {
        return envelope;
    }

    /** 1 on first delivery, then counting redeliveries. */
    public long deliveryCount() {
        return deliveryCount;
    }

    /**
     * The payload as a record from {@code dev.kelas.contracts.events}.
     *
     * @throws IllegalArgumentException if the payload does not fit that record
     */
    public <T> T data(Class<T> type) {
        try {
            return json.treeToValue(envelope.data(), type);
        } catch (Exception e) {
            throw new IllegalArgumentException("Event " + id() + " does not carry a " + type.getSimpleName(), e);
        }
    }
}
