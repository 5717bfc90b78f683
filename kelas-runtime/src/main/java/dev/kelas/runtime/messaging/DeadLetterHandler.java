package dev.kelas.runtime.messaging;

/**
 * Called once when an event has failed its last allowed delivery, after it was copied to
 * {@code kelas.dlq.<consumer>}: lets a service record the failure where users see it.
 */
@FunctionalInterface
public interface DeadLetterHandler {
    void deadLettered(IncomingEvent event, Exception lastError) throws Exception;
}
