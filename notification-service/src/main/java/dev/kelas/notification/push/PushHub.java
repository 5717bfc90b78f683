package dev.kelas.notification.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelas.contracts.Subjects;
import dev.kelas.notification.config.NotificationConfig;
import dev.kelas.runtime.messaging.JetStreamClient;
import dev.kelas.runtime.tracing.Tracing;
import io.nats.client.impl.Headers;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.nats.client.Dispatcher;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Live fan-out across replicas (DESIGN.md section 6). A replica that stores a notification publishes
 * it on core NATS {@code kelas.push.<tenant>.<user>}; every replica subscribes to {@code kelas.push.>}
 * and writes it to the open streams of that user it holds. A push lost in transit is not lost to the
 * user: the client's reconnect with {@code Last-Event-ID} replays it from the database.
 */
@ApplicationScoped
public class PushHub {
    private static final Logger LOG = Logger.getLogger(PushHub.class);

    private final JetStreamClient nats;
    private final ObjectMapper json;
    private final NotificationConfig config;
    private final Tracing tracing;
    private final Map<UUID, Set<SseConnection>> connectionsByUser = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "sse-heartbeat-and-gaps");
        thread.setDaemon(true);
        return thread;
    });
    private Dispatcher dispatcher;

    public PushHub(JetStreamClient nats, ObjectMapper json, NotificationConfig config, Tracing tracing) {
        this.tracing = tracing;
        this.nats = nats;
        this.json = json;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        dispatcher = nats.connection().createDispatcher(message -> {
            Span span = tracing.start("kelas.push deliver", SpanKind.CONSUMER,
                    message.getHeaders() == null ? null : message.getHeaders().getFirst("traceparent"));
            try (Scope ignored = span.makeCurrent()) {
                deliverLocally(json.readValue(message.getData(), NotificationView.class));
            } catch (Exception e) {
                LOG.warnf("Unreadable push message on %s: %s", message.getSubject(), e.getMessage());
            } finally {
                span.end();
            }
        });
        dispatcher.subscribe(Subjects.PUSH_PREFIX + ">");
        long every = config.heartbeat().toMillis();
        heartbeats.scheduleAtFixedRate(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    void registerGauges(@Observes StartupEvent event, io.micrometer.core.instrument.MeterRegistry metrics) {
        io.micrometer.core.instrument.Gauge.builder("kelas_sse_connections", this, PushHub::openConnections)
                .description("Open SSE streams on this replica").register(metrics);
    }

    void stop(@Observes ShutdownEvent event) {
        heartbeats.shutdownNow();
        connectionsByUser.values().forEach(set -> set.forEach(connection -> connection.close(1000)));
    }

    /**
     * Registers a new stream of a user; it holds live events back until its replay is done.
     *
     * @param gapLoader reads notifications a live stream did not get pushed in order
     */
    public SseConnection open(UUID tenantId, UUID userId, SseEventSink sink, Sse sse, SseConnection.GapLoader gapLoader) {
        SseConnection connection = new SseConnection(tenantId, userId, sink, sse, json, config.maxPendingPerConnection(),
                gapLoader, heartbeats, config.gapGrace().toMillis());
        connectionsByUser.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet()).add(connection);
        return connection;
    }

    /**
     * Publishes a stored notification to every replica (including this one).
     *
     * @throws IllegalStateException if it cannot be serialised
     */
    public void publish(NotificationView notification) {
        try {
            Headers headers = new Headers();
            String traceparent = Tracing.currentTraceparent();
            if (traceparent != null) {
                headers.put("traceparent", traceparent);
            }
            nats.connection().publish(Subjects.push(notification.tenantId(), notification.userId()), headers,
                    json.writeValueAsBytes(notification));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot publish push for notification " + notification.id(), e);
        }
    }

    /** How many streams are open on this replica. */
    public int openConnections() {
        return connectionsByUser.values().stream().mapToInt(Set::size).sum();
    }

    private void deliverLocally(NotificationView notification) {
        Set<SseConnection> connections = connectionsByUser.get(notification.userId());
        if (connections == null) {
            return;
        }
        for (SseConnection connection : connections) {
            if (connection.isClosed()) {
                connections.remove(connection);
            } else if (connection.tenantId().equals(notification.tenantId())) {
                connection.offer(notification);
            }
        }
    }

    private void beat() {
        connectionsByUser.values().forEach(connections -> connections.removeIf(connection -> {
            if (connection.isClosed()) {
                return true;
            }
            connection.heartbeat();
            return false;
        }));
    }
}
