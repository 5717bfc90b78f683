package dev.kelas.runtime.messaging;

import jakarta.annotation.Priority;
import dev.kelas.contracts.Subjects;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The service's one NATS connection (reconnecting forever) and its JetStream contexts. On start it
 * makes sure the Kelas streams exist with file storage, limits retention and the duplicate window;
 * creating an existing stream with the same settings is a no-op, so every
 * service can do it and start in any order.
 *
 * <p>Recovery after a NATS restart or a network cut: every {@code kelas.nats.health-interval} a probe asks JetStream
 * for the account info; {@link #healthy()} (readiness) is true only while the connection is up and the last probe
 * answered. When the connection comes back the streams are made sure of again and every
 * {@link #onReconnect(Runnable) reconnect listener} runs (the consumers make sure of their durable consumers, the
 * outbox relay retries at once). A connection that says it is up while JetStream stays silent for
 * {@code kelas.nats.stuck-after} is dropped and made anew ({@code Connection.forceReconnect}).
 */
@ApplicationScoped
public class JetStreamClient {
    private static final Logger LOG = Logger.getLogger(JetStreamClient.class);
    private static final int STREAM_NOT_FOUND = 10059;

    private final NatsConfig config;
    private final String serviceName;
    private final List<Runnable> reconnectListeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "nats-health");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean jetStreamAnswers = true;
    private volatile long silentSince;
    private Connection connection;
    private JetStream jetStream;

    public JetStreamClient(NatsConfig config, @ConfigProperty(name = "quarkus.application.name") String serviceName) {
        this.config = config;
        this.serviceName = serviceName;
    }

    @PostConstruct
    void connect() {
        Options options = new Options.Builder()
                .server(config.url())
                .connectionName(serviceName)
                .maxReconnects(-1)
                .reconnectWait(Duration.ofSeconds(1))
                .connectionTimeout(Duration.ofSeconds(5))
                .connectionListener(this::connectionEvent)
                .build();
        try {
            connection = Nats.connect(options);
            jetStream = connection.jetStream();
            ensureStreams(connection.jetStreamManagement());
            long every = Math.max(100, config.healthInterval().toMillis());
            probe.scheduleWithFixedDelay(this::probe, every, every, TimeUnit.MILLISECONDS);
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException("Cannot set up NATS JetStream at " + config.url() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while connecting to NATS", e);
        }
    }

    /** Runs {@code listener} (on a background thread) each time the connection is back after a loss. */
    public void onReconnect(Runnable listener) {
        reconnectListeners.add(listener);
    }

    private void connectionEvent(Connection conn, ConnectionListener.Events event) {
        if (event == ConnectionListener.Events.RECONNECTED) {
            LOG.infof("NATS connection back (%s): making sure of the streams and consumers", conn.getConnectedUrl());
            probe.execute(this::recovered);
        } else if (event == ConnectionListener.Events.DISCONNECTED) {
            jetStreamAnswers = false;
            LOG.warn("NATS connection lost; reconnecting");
        }
    }

    private void recovered() {
        try {
            ensureStreams(connection.jetStreamManagement());
        } catch (Exception e) {
            LOG.warnf("Making sure of the streams after a reconnect failed (the next probe tries again): %s", e.toString());
            return;
        }
        for (Runnable listener : reconnectListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warnf("A reconnect listener failed: %s", e.toString());
            }
        }
    }

    /** One health probe: JetStream's account info within the request timeout. */
    private void probe() {
        if (connection == null || connection.getStatus() != Connection.Status.CONNECTED) {
            jetStreamAnswers = false;
            silentSince = 0;
            return;
        }
        try {
            connection.jetStreamManagement().getAccountStatistics();
            if (!jetStreamAnswers) {
                LOG.info("JetStream answers again");
                boolean afterSilence = silentSince != 0;
                jetStreamAnswers = true;
                silentSince = 0;
                if (afterSilence) {
                    recovered(); // a restart the connection did not notice as a loss (or streams not loaded before)
                }
            }
        } catch (Exception e) {
            long now = System.nanoTime();
            if (silentSince == 0) {
                silentSince = now;
                LOG.warnf("JetStream does not answer on an open connection: %s", e.toString());
            }
            jetStreamAnswers = false;
            if (now - silentSince > config.stuckAfter().toNanos()) {
                LOG.warnf("JetStream silent for over %s: dropping the connection and connecting anew", config.stuckAfter());
                silentSince = now;
                try {
                    connection.forceReconnect();
                } catch (Exception reconnect) {
                    LOG.warnf("Forced reconnect failed: %s", reconnect.toString());
                }
            }
        }
    }

    private void ensureStreams(JetStreamManagement management) throws IOException, JetStreamApiException {
        for (Subjects.Stream stream : Subjects.Stream.values()) {
            StreamConfiguration wanted = StreamConfiguration.builder()
                    .name(stream.name())
                    .subjects(stream.subjects())
                    .storageType(StorageType.File)
                    .retentionPolicy(RetentionPolicy.Limits)
                    .replicas(config.streamReplicas())
                    .maxAge(config.streamMaxAge())
                    .duplicateWindow(config.duplicateWindow())
                    .build();
            try {
                management.getStreamInfo(stream.name());
            } catch (JetStreamApiException e) {
                if (e.getApiErrorCode() != STREAM_NOT_FOUND) {
                    throw e;
                }
                try {
                    management.addStream(wanted);
                    LOG.infof("Created JetStream stream %s (%s)", stream.name(), stream.subjects());
                } catch (JetStreamApiException raced) {
                    management.getStreamInfo(stream.name()); // another service created it meanwhile
                }
            }
        }
    }

    /** The JetStream context for publishing and subscribing. */
    public JetStream jetStream() {
        return jetStream;
    }

    /** The JetStream management context (consumers, stream info). */
    public JetStreamManagement management() {
        try {
            return connection.jetStreamManagement();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The core NATS connection, for core publish/subscribe such as live push. */
    public Connection connection() {
        return connection;
    }

    /** Whether the connection is up. */
    public boolean connected() {
        return connection != null && connection.getStatus() == Connection.Status.CONNECTED;
    }

    /** Whether the connection is up and JetStream answered the last health probe (readiness). */
    public boolean healthy() {
        return connected() && jetStreamAnswers;
    }

    /** Last of the shutdown steps: drains the connection once consumers and the outbox relay are done. */
    void close(@Observes @Priority(1000) ShutdownEvent event) {
        probe.shutdownNow();
        if (connection != null) {
            try {
                connection.drain(Duration.ofSeconds(5));
            } catch (Exception e) {
                LOG.debug("NATS drain on shutdown failed", e);
            }
        }
    }
}
