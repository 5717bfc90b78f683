package dev.kelas.runtime.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the outbox relay publishes {@code outbox_event} rows to JetStream. */
@ConfigMapping(prefix = "kelas.outbox")
public interface OutboxConfig {
    /** Whether this process runs the relay (several replicas may: rows are claimed with SKIP LOCKED). */
    @WithDefault("true")
    boolean relayEnabled();

    /** How often the relay looks for rows when no NOTIFY woke it. */
    @WithDefault("PT1S")
    Duration pollInterval();

    /** Rows claimed per transaction. */
    @WithDefault("100")
    int batchSize();

    /** First retry delay after a failed publish; doubles per attempt up to {@link #maxBackoff()}. */
    @WithDefault("PT1S")
    Duration initialBackoff();

    /** Longest delay between two attempts to publish one row. */
    @WithDefault("PT1M")
    Duration maxBackoff();
}
