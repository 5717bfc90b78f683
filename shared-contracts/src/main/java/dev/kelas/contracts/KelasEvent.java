package dev.kelas.contracts;

import java.util.UUID;

/**
 * An event payload that knows where it goes: the NATS subject it is published on (the CloudEvents
 * {@code type}), the kind of aggregate it is about and that aggregate's id (the CloudEvents
 * {@code subject}). Every record in {@code dev.kelas.contracts.events} implements it, so a producer
 * writes {@code outbox.record(tenantId, event)} and cannot pair an event with the wrong subject.
 *
 * <p>The three methods are not record components and have no {@code get} prefix, so Jackson does not
 * write them into the payload; the wire format is unchanged.
 */
public interface KelasEvent {

    /** The subject from {@link Subjects} this event is published on, e.g. {@code kelas.lab.submission.graded}. */
    String subject();

    /** The aggregate the event is about, lower case, e.g. {@code "submission"}; the outbox row's {@code aggregate_type}. */
    String aggregateType();

    /** The id of that aggregate; the outbox row's {@code aggregate_id} and the CloudEvents {@code subject}. */
    UUID aggregateId();
}
