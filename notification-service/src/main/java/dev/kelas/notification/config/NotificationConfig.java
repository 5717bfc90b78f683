package dev.kelas.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** notification-service settings ({@code kelas.notification.*}). */
@ConfigMapping(prefix = "kelas.notification")
public interface NotificationConfig {
    /** Interval of SSE heartbeat comments, which keep proxies from closing idle streams. */
    @WithDefault("PT15S")
    Duration heartbeat();

    /** Events one connection may have in flight before it counts as stalled and is closed. */
    @WithDefault("256")
    int maxPendingPerConnection();

    /** Most events replayed after a reconnect with {@code Last-Event-ID}. */
    @WithDefault("1000")
    int maxReplay();

    /**
     * How long a live stream waits for a notification that was pushed out of order before it reads the
     * missing ones from the database.
     */
    @WithDefault("PT0.5S")
    Duration gapGrace();
}
