package dev.kelas.runtime.outbox;

import dev.kelas.contracts.KelasEvent;
import dev.kelas.runtime.tracing.Tracing;
import dev.kelas.runtime.web.RequestIds;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes events into the service's {@code outbox_event} table inside the caller's current
 * Hibernate Reactive transaction, so the event exists if and only if the change commits
 * (transactional outbox). {@link OutboxRelay} publishes the rows to JetStream.
 * The current span's W3C {@code traceparent} goes with the row, so the trace continues after the publish, and so
 * does the request id in the log MDC (the HTTP request's, or that of the event being consumed), so it travels on.
 */
@ApplicationScoped
public class Outbox {
    // The payload goes in as text and PostgreSQL parses it: bound straight to a jsonb parameter, the
    // Vert.x client would store the Java String as a JSON string value.
    private static final String INSERT = """
            insert into outbox_event (id, tenant_id, aggregate_type, aggregate_id, type, payload, occurred_at, traceparent, request_id)
            values (?1, ?2, ?3, ?4, ?5, cast(cast(?6 as text) as jsonb), ?7, ?8, ?9)""";

    private final ObjectMapper json;

    public Outbox(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Records one event on the subject, aggregate type and aggregate id it names itself. Must run inside
     * {@code @WithTransaction} (or {@code Panache.withTransaction}).
     *
     * @param tenantId the school the event belongs to
     * @param event    the event record from {@code dev.kelas.contracts.events}
     * @return the new event's id
     */
    public Uni<UUID> record(UUID tenantId, KelasEvent event) {
        return record(tenantId, event.aggregateType(), event.aggregateId(), event.subject(), event);
    }

    /**
     * Records one event on another subject than its own, for the few events published under more
     * than one (e.g. {@code UserUpdated} also as {@code kelas.auth.user.deactivated}). Must run inside
     * a transaction.
     *
     * @param subject the NATS subject from {@code dev.kelas.contracts.Subjects}
     * @return the new event's id
     */
    public Uni<UUID> record(UUID tenantId, String subject, KelasEvent event) {
        return record(tenantId, event.aggregateType(), event.aggregateId(), subject, event);
    }

    /**
     * Records one event with every routing field given. Must run inside {@code @WithTransaction} (or {@code Panache.withTransaction}).
     *
     * @param tenantId      the school the event belongs to
     * @param aggregateType e.g. {@code "submission"}
     * @param aggregateId   id of the changed aggregate (CloudEvents {@code subject})
     * @param subject       the NATS subject from {@code dev.kelas.contracts.Subjects} (CloudEvents {@code type})
     * @param payload       the event record from {@code dev.kelas.contracts.events}
     * @return the new event's id
     */
    private Uni<UUID> record(UUID tenantId, String aggregateType, Object aggregateId, String subject, Object payload) {
        UUID id = UUID.randomUUID();
        String data;
        try {
            data = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("Event payload is not serialisable", e));
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                        .setParameter(1, id)
                        .setParameter(2, tenantId)
                        .setParameter(3, aggregateType)
                        .setParameter(4, aggregateId.toString())
                        .setParameter(5, subject)
                        .setParameter(6, data)
                        .setParameter(7, Instant.now())
                        .setParameter(8, Tracing.currentTraceparent())
                        .setParameter(9, RequestIds.current())
                        .executeUpdate())
                .replaceWith(id);
    }
}
