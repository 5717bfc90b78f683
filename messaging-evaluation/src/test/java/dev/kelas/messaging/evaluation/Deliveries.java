package dev.kelas.messaging.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the handlers saw, per channel: each call with its payload, JetStream delivery count, start and end time,
 * and the trace id current in the handler. Static so a test reads it without injection.
 */
public final class Deliveries {
    /** One handler call; {@code finished} is null while it runs. */
    public record Delivery(String payload, long delivered, Instant started, Instant finished, String traceId) {
    }

    private static final Map<String, List<Delivery>> BY_CHANNEL = new ConcurrentHashMap<>();

    private Deliveries() {
    }

    /** Records a call on {@code channel}. */
    public static void add(String channel, Delivery delivery) {
        BY_CHANNEL.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(delivery);
    }

    /** The calls on {@code channel} so far, oldest first. */
    public static List<Delivery> of(String channel) {
        return List.copyOf(BY_CHANNEL.getOrDefault(channel, List.of()));
    }

    /** The calls on {@code channel} with {@code payload}. */
    public static List<Delivery> of(String channel, String payload) {
        return of(channel).stream().filter(d -> d.payload().equals(payload)).toList();
    }
}
