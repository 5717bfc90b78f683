package dev.kelas.runtime.messaging;

import dev.kelas.contracts.Subjects;
import java.time.Duration;
import java.util.Objects;

/**
 * A durable JetStream pull consumer and how to run it.
 *
 * @param durableName    {@code <consumer-service>-<purpose>}, e.g. {@code learning-lab-grades}; also the inbox key
 * @param stream         the stream holding the subject
 * @param filterSubject  the one subject it reads (nats-server 2.9 takes one filter per consumer)
 * @param concurrency    worker threads pulling from it in this process (1 keeps per-subject order)
 * @param maxDeliver     deliveries before the event goes to the dead-letter subject
 * @param ackWait        how long JetStream waits for an ack before redelivering (a crashed worker's
 *                       events come back after this); live handlers extend it with progress signals
 * @param retryBackoff   first delay after a failed attempt, doubling per attempt (capped at 1 minute)
 * @param onDeadLetter   optional hook called after an event is dead-lettered, or null
 */
public record ConsumerSpec(String durableName, Subjects.Stream stream, String filterSubject, int concurrency,
                           int maxDeliver, Duration ackWait, Duration retryBackoff, DeadLetterHandler onDeadLetter) {

    public ConsumerSpec {
        Objects.requireNonNull(durableName, "durableName");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(filterSubject, "filterSubject");
        if (concurrency < 1 || maxDeliver < 1) {
            throw new IllegalArgumentException("concurrency and maxDeliver must be positive");
        }
    }

    /** A consumer with Kelas's defaults: 1 worker, 5 deliveries, 30 s ack wait, 1 s first backoff. */
    public static ConsumerSpec of(String durableName, Subjects.Stream stream, String filterSubject) {
        return new ConsumerSpec(durableName, stream, filterSubject, 1, 5, Duration.ofSeconds(30), Duration.ofSeconds(1), null);
    }

    /** The same consumer with another number of worker threads. */
    public ConsumerSpec withConcurrency(int workers) {
        return new ConsumerSpec(durableName, stream, filterSubject, workers, maxDeliver, ackWait, retryBackoff, onDeadLetter);
    }

    /** The same consumer with another delivery limit. */
    public ConsumerSpec withMaxDeliver(int deliveries) {
        return new ConsumerSpec(durableName, stream, filterSubject, concurrency, deliveries, ackWait, retryBackoff, onDeadLetter);
    }

    /** The same consumer with another ack wait. */
    public ConsumerSpec withAckWait(Duration wait) {
        return new ConsumerSpec(durableName, stream, filterSubject, concurrency, maxDeliver, wait, retryBackoff, onDeadLetter);
    }

    /** The same consumer with a dead-letter hook. */
    public ConsumerSpec withDeadLetterHandler(DeadLetterHandler handler) {
        return new ConsumerSpec(durableName, stream, filterSubject, concurrency, maxDeliver, ackWait, retryBackoff, handler);
    }
}
