package dev.kelas.runtime.messaging;

import jakarta.annotation.Priority;
import dev.kelas.contracts.Subjects;
import io.nats.client.Connection;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The service's one NATS connection (reconnecting forever) and its JetStream contexts. On start it
 * makes sure the Kelas streams exist with file storage, limits retention and the duplicate window;
 * creating an existing stream with the same settings is a no-op, so every
 * service can do it and start in any order.
 */
@ApplicationScoped
public class JetStreamClient {
    private static final Logger LOG = Logger.getLogger(JetStreamClient.class);
    private static final int STREAM_NOT_FOUND = 10059;

    private final NatsConfig config;
    private final String serviceName;
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
                .build();
        try {
            connection = Nats.connect(options);
            jetStream = connection.jetStream();
            ensureStreams(connection.jetStreamManagement());
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException("Cannot set up NATS JetStream at " + config.url() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while connecting to NATS", e);
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

    /** Whether the connection is up (readiness). */
    public boolean connected() {
        return connection != null && connection.getStatus() == Connection.Status.CONNECTED;
    }

    /** Last of the shutdown steps: drains the connection once consumers and the outbox relay are done. */
    void close(@Observes @Priority(1000) ShutdownEvent event) {
        if (connection != null) {
            try {
                connection.drain(Duration.ofSeconds(5));
            } catch (Exception e) {
                LOG.debug("NATS drain on shutdown failed", e);
            }
        }
    }
}
