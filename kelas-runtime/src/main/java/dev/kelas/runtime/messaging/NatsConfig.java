package dev.kelas.runtime.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Connection to NATS and the shape of the JetStream streams every service makes sure exist. */
@ConfigMapping(prefix = "kelas.nats")
public interface NatsConfig {
    /** NATS server URL(s), comma separated. */
    @WithDefault("nats://127.0.0.1:4222")
    String url();

    /** Replicas per stream: 1 on one machine, 3 in a JetStream cluster. */
    @WithDefault("1")
    int streamReplicas();

    /** How long a stream keeps messages (limits retention). */
    @WithDefault("P7D")
    Duration streamMaxAge();

    /** JetStream de-duplication window for {@code Nats-Msg-Id}; the design asks for at least 2 minutes. */
    @WithDefault("PT2M")
    Duration duplicateWindow();

    /** How long to wait for a PubAck before a publish counts as failed. */
    @WithDefault("PT5S")
    Duration publishTimeout();

    /**
     * How often the service asks JetStream for its account info, the probe behind readiness: a connection can be up
     * while JetStream does not answer (just after a server restart, before its streams are loaded).
     */
    @WithDefault("PT2S")
    Duration healthInterval();

    /**
     * How long JetStream may stay silent on a connection that reports itself up before the service drops that
     * connection and reconnects from scratch (its subscriptions and request inbox made anew).
     */
    @WithDefault("PT10S")
    Duration stuckAfter();
}
