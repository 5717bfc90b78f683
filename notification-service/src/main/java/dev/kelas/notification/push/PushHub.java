package dev.kelas.notification.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelas.contracts.Subjects;
import dev.kelas.notification.config.NotificationConfig;
import dev.kelas.notification.inbox.NotificationService;
import dev.kelas.notification.inbox.NotificationView;
import dev.kelas.runtime.messaging.JetStreamClient;
import dev.kelas.runtime.messaging.Reactive;
import dev.kelas.runtime.security.AccessRevocations;
import dev.kelas.runtime.tracing.Tracing;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Dispatcher;
import io.nats.client.impl.Headers;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.websocket.Session;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Live fan-out across replicas. A replica that stores a notification publishes
 * it on core NATS {@code kelas.push.<tenant>.<user>}; every replica subscribes to {@code kelas.push.>}
 * and writes it to the open connections (SSE and WebSocket) of that user it holds. A push lost in
 * transit is not lost to the user: the connection reads the gap from the database, and a reconnect
 * with the last id replays it; after a NATS reconnect every open connection is caught up from the database
 * (the last push lost in an outage has no successor to show the gap). Unstored live updates ({@link LiveUpdate}) travel the same way on
 * {@code kelas.live.<tenant>.<user>} and are simply lost when they miss. At each heartbeat, connections whose token has been revoked are closed.
 */
@ApplicationScoped
public class PushHub {
    private static final Logger LOG = Logger.getLogger(PushHub.class);

    private final JetStreamClient nats;
    private final ObjectMapper json;
    private final NotificationConfig config;
    private final Tracing tracing;
    private final Map<UUID, Set<UserConnection>> connectionsByUser = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "push-heartbeat-and-gaps");
        thread.setDaemon(true);
        return thread;
    });
    private Dispatcher dispatcher;

    private final NotificationService notifications;
    private final AccessRevocations revocations;

    public PushHub(JetStreamClient nats, ObjectMapper json, NotificationConfig config, NotificationService notifications,
                   AccessRevocations revocations, MeterRegistry metrics, Tracing tracing) {
        this.tracing = tracing;
        this.nats = nats;
        this.revocations = revocations;
        this.json = json;
        this.config = config;
        this.notifications = notifications;
        Gauge.builder("kelas.notification.connections", this, PushHub::openConnections)
                .description("SSE streams and WebSockets open on this replica").register(metrics);
    }

    void start(@Observes StartupEvent event) {
        dispatcher = nats.connection().createDispatcher(message -> {
            Span span = tracing.start("kelas.push deliver", SpanKind.CONSUMER,
                    message.getHeaders() == null ? null : message.getHeaders().getFirst("traceparent"));
            try (Scope ignored = span.makeCurrent()) {
                if (message.getSubject().startsWith(Subjects.LIVE_PREFIX)) {
                    deliverLiveLocally(json.readValue(message.getData(), LiveUpdate.class));
                } else {
                    deliverLocally(json.readValue(message.getData(), NotificationView.class));
                }
            } catch (Exception e) {
                LOG.warnf("Unreadable push message on %s: %s", message.getSubject(), e.getMessage());
            } finally {
                span.end();
            }
        });
        dispatcher.subscribe(Subjects.PUSH_PREFIX + ">");
        dispatcher.subscribe(Subjects.LIVE_PREFIX + ">");
        long every = config.heartbeat().toMillis();
        heartbeats.scheduleAtFixedRate(this::beat, every, every, TimeUnit.MILLISECONDS);
        nats.onReconnect(() -> heartbeats.execute(this::catchUp));
    }

    /**
     * After a NATS reconnect: pushes published while the connection was away may be lost (core NATS keeps
     * nothing), and the last of them has no successor to reveal the gap; so every live connection is sent the
     * stored notifications after its last one. Pushes that do arrive after all are dropped as sent already.
     */
    private void catchUp() {
        int sent = 0;
        for (Set<UserConnection> connections : connectionsByUser.values()) {
            for (UserConnection connection : connections) {
                if (connection.isClosed()) {
                    continue;
                }
                try {
                    List<NotificationView> missed = Reactive.await(() -> notifications.missedSince(connection.tenantId(),
                            connection.userId(), connection.lastSent(), config.maxReplay()));
                    missed.forEach(connection::offer);
                    sent += missed.size();
                } catch (RuntimeException e) {
                    LOG.warnf("Catching a connection up after a NATS reconnect failed: %s", e.toString());
                }
            }
        }
        LOG.infof("NATS reconnect: open connections caught up (%d stored notification(s) offered)", sent);
    }

    void stop(@Observes ShutdownEvent event) {
        heartbeats.shutdownNow();
        connectionsByUser.values().forEach(set -> set.forEach(UserConnection::close));
    }

    /**
     * Registers a new SSE stream of a user; it holds live events back until {@link #resume} has replayed.
     *
     * @param tokenIssuedAt the {@code iat} of the stream's token: the stream is closed when that token is revoked
     */
    public UserConnection openSse(UUID tenantId, UUID userId, long tokenIssuedAt, SseEventSink sink, Sse sse) {
        return register(new UserConnection(tenantId, userId, tokenIssuedAt, new SseOutlet(sink, sse, json), config.maxPendingPerConnection(),
                this::storedBetween, heartbeats, config.gapGrace().toMillis(), true));
    }

    /**
     * Registers a new WebSocket of a user; it takes notifications once it is resumed ({@link UserConnection#startReplay}).
     *
     * @param tokenIssuedAt the {@code iat} of the socket's token: the socket is closed when that token is revoked
     */
    public UserConnection openWebSocket(UUID tenantId, UUID userId, long tokenIssuedAt, Session session) {
        return register(new UserConnection(tenantId, userId, tokenIssuedAt, new WebSocketOutlet(session, json),
                config.maxPendingPerConnection(), this::storedBetween, heartbeats, config.gapGrace().toMillis(), false));
    }

    /**
     * Replays a connection's missed notifications (at most {@code kelas.notification.max-replay}) and makes it
     * live. Blocks: call it on a worker thread.
     *
     * @param lastId the last id the client saw; 0 for a fresh start, which replays nothing (the inbox has it)
     */
    public void resume(UserConnection connection, long lastId) {
        UUID tenantId = connection.tenantId();
        UUID userId = connection.userId();
        if (lastId == 0) {
            connection.finishReplay(List.of(), Reactive.await(() -> notifications.lastSeq(tenantId, userId)));
        } else {
            connection.finishReplay(Reactive.await(() -> notifications.missedSince(tenantId, userId, lastId,
                    config.maxReplay())), lastId);
        }
    }

    /** The stored notifications of a user numbered strictly between two numbers (a live connection's gap). */
    private List<NotificationView> storedBetween(UUID tenantId, UUID userId, long after, long before) {
        return Reactive.await(() -> notifications.missedSince(tenantId, userId, after,
                        (int) Math.min(before - after - 1, config.maxReplay())))
                .stream().filter(n -> n.seq() < before).toList();
    }

    /** Forgets a connection that has ended. */
    public void forget(UserConnection connection) {
        Set<UserConnection> connections = connectionsByUser.get(connection.userId());
        if (connections != null) {
            connections.remove(connection);
        }
    }

    /**
     * Publishes a stored notification to every replica (including this one).
     *
     * @throws IllegalStateException if it cannot be serialised or published
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

    /**
     * Publishes an unstored live update to every replica (including this one).
     *
     * @throws IllegalStateException if it cannot be serialised or published
     */
    public void publishLive(LiveUpdate update) {
        try {
            nats.connection().publish(Subjects.live(update.tenantId(), update.userId()), json.writeValueAsBytes(update));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot publish a live update for user " + update.userId(), e);
        }
    }

    /** How many connections are open on this replica. */
    public int openConnections() {
        return connectionsByUser.values().stream().mapToInt(Set::size).sum();
    }

    private UserConnection register(UserConnection connection) {
        connectionsByUser.computeIfAbsent(connection.userId(), id -> ConcurrentHashMap.newKeySet()).add(connection);
        return connection;
    }

    private void deliverLocally(NotificationView notification) {
        Set<UserConnection> connections = connectionsByUser.get(notification.userId());
        if (connections == null) {
            return;
        }
        for (UserConnection connection : connections) {
            if (connection.isClosed()) {
                connections.remove(connection);
            } else if (connection.tenantId().equals(notification.tenantId())) {
                connection.offer(notification);
            }
        }
    }

    private void deliverLiveLocally(LiveUpdate update) {
        Set<UserConnection> connections = connectionsByUser.get(update.userId());
        if (connections == null) {
            return;
        }
        for (UserConnection connection : connections) {
            if (!connection.isClosed() && connection.tenantId().equals(update.tenantId())) {
                connection.live(update);
            }
        }
    }

    /** Heartbeats every open connection; one whose token was revoked since (deactivation, logout everywhere) is closed. */
    private void beat() {
        connectionsByUser.values().forEach(connections -> connections.removeIf(connection -> {
            if (connection.isClosed()) {
                return true;
            }
            if (revocations.isRevoked(connection.userId(), connection.tokenIssuedAt())) {
                connection.close();
                return true;
            }
            connection.heartbeat();
            return false;
        }));
    }
}
