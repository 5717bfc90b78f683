package dev.kelas.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A CloudEvents 1.0 event in JSON structured mode, the body of every message Kelas puts on NATS.
 * Attribute names follow the CloudEvents spec; {@code tenantid}, {@code traceparent} and {@code requestid}
 * are extension attributes (the second per the CloudEvents distributed-tracing extension).
 *
 * @param specversion always {@code "1.0"}
 * @param id          unique event id; also the {@code Nats-Msg-Id} header, so JetStream drops duplicates
 * @param source      the producing service, e.g. {@code /kelas/lab-service}
 * @param type        the subject the event is published on, e.g. {@code kelas.lab.submission.graded}
 * @param subject     id of the aggregate the event is about
 * @param time        when the fact happened
 * @param tenantid    the school the event belongs to; every consumer checks it
 * @param traceparent W3C trace context of the producing request, or null
 * @param requestid   the {@code X-Request-Id} of the HTTP request the event descends from (directly, or through
 *                    the events a consumer handled before publishing this one), or null
 * @param datacontenttype always {@code application/json}
 * @param data        the payload record (or a JSON tree on the consuming side)
 * @param <T>         payload type
 */
public record EventEnvelope<T>(String specversion, UUID id, String source, String type, String subject,
                               Instant time, UUID tenantid, String traceparent, String requestid, String datacontenttype,
                               T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tenantid, "tenantid");
    }

    /** Builds an envelope with the fixed spec version and content type, and no request id. */
    public static <T> EventEnvelope<T> of(UUID id, String source, String type, String subject, Instant time,
                                          UUID tenantId, String traceparent, T data) {
        return of(id, source, type, subject, time, tenantId, traceparent, null, data);
    }

    /** Builds an envelope with the fixed spec version and content type, carrying a request id. */
    public static <T> EventEnvelope<T> of(UUID id, String source, String type, String subject, Instant time,
                                          UUID tenantId, String traceparent, String requestId, T data) {
        return new EventEnvelope<>(SPEC_VERSION, id, source, type, subject, time, tenantId, traceparent, requestId, JSON, data);
    }
}
