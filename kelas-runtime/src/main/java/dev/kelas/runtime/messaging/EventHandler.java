package dev.kelas.runtime.messaging;

/**
 * Handles one event. Called on a consumer worker thread, so it may block (a sandbox run); to use
 * Hibernate Reactive it wraps its {@code Uni} in {@link Reactive#await}. Returning normally acks the
 * message; throwing makes JetStream redeliver it after a backoff, up to the consumer's max deliveries.
 */
@FunctionalInterface
public interface EventHandler {
    void handle(IncomingEvent event) throws Exception;
}
