package dev.kelas.runtime.messaging;

import io.smallrye.mutiny.Uni;

/**
 * A JetStream consumer declared once, as a CDI bean: which durable consumer it reads ({@link #spec()}),
 * which payload record it takes, and what applying one event does. {@link DeclaredConsumers} starts
 * every such bean at startup and, for each delivery, decodes the payload and runs {@link #apply} in one
 * transaction with the inbox mark ({@code processed_message}, Eventuate Tram's idempotent consumer), so a
 * redelivered event has no second effect and a failed one leaves no mark. The message is acked after
 * that transaction commits; a failure is retried with backoff and finally dead-lettered by
 * {@link JetStreamConsumers}. Handlers therefore never see the consumer name or event id unless they ask
 * the {@link EventContext}.
 *
 * <p>Not for handlers that must not run inside one transaction: the lab graders block while the sandbox
 * runs and keep their own {@code JetStreamConsumers} loop.
 *
 * @param <T> the payload record, or {@link IncomingEvent} for a consumer whose filter covers several types
 */
public interface EventConsumer<T> {

    /** The durable consumer, its stream and filter subject, and its delivery settings. */
    ConsumerSpec spec();

    /** The payload record to decode the CloudEvents {@code data} into; {@link IncomingEvent} passes the delivery itself. */
    Class<T> payloadType();

    /**
     * Applies one event; runs inside the transaction that records the event in the inbox, and only on the
     * consumer's first delivery of that event id.
     *
     * @return an item handed to {@link #afterCommit} once the transaction has committed, or null
     */
    Uni<?> apply(EventContext context, T data);

    /** Runs after the commit with {@link #apply}'s item (e.g. a push to open connections); nothing by default. */
    default void afterCommit(Object applied) {
    }

    /** Whether this process runs the consumer (e.g. a replica that only serves connections does not). */
    default boolean enabled() {
        return true;
    }
}
