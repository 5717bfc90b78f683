package dev.kelas.notification.chat;

import dev.kelas.notification.config.NotificationConfig;
import dev.kelas.runtime.problem.TooManyRequestsException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * How many messages each user sent to each room in the last minute on this replica, against
 * {@code kelas.notification.chat.messages-per-minute}.
 */
@ApplicationScoped
public class ChatSendLimit {
    private static final long MINUTE_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final NotificationConfig config;
    private final Map<String, Deque<Long>> recentSends = new ConcurrentHashMap<>();

    public ChatSendLimit(NotificationConfig config) {
        this.config = config;
    }

    /**
     * Counts a message a user sends to a room against {@code kelas.notification.chat.messages-per-minute}
     * (per replica).
     *
     * @throws TooManyRequestsException when the user sent that many in the last minute
     */
    public void count(UUID userId, UUID roomId) {
        long now = System.nanoTime();
        Deque<Long> sends = recentSends.computeIfAbsent(userId + ":" + roomId, key -> new ArrayDeque<>());
        synchronized (sends) {
            while (!sends.isEmpty() && now - sends.peekFirst() > MINUTE_NANOS) {
                sends.pollFirst();
            }
            if (sends.size() >= config.chat().messagesPerMinute()) {
                long wait = MINUTE_NANOS - (now - sends.peekFirst());
                throw new TooManyRequestsException("Too many messages in this room; wait a moment",
                        TimeUnit.NANOSECONDS.toSeconds(wait) + 1);
            }
            sends.addLast(now);
        }
    }

    /** Forgets the counts of users who sent nothing in the last minute (called on the presence heartbeat). */
    void forgetIdle() {
        recentSends.values().removeIf(sends -> {
            synchronized (sends) {
                return sends.isEmpty() || System.nanoTime() - sends.peekLast() > MINUTE_NANOS;
            }
        });
    }
}
