package dev.kelas.notification.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * One open SSE stream of one user. While it replays what the client missed, live events are held
 * back and then sent, minus those the replay already carried. Live events are sent in the order
 * they arrive, which can differ from {@code seq} order when two commits race; the client may see
 * one event twice across a reconnect, never miss one. Sends are asynchronous; a client with more
 * than {@code maxPending} events in flight is stalled and is closed so it cannot hold up others.
 */
public final class SseConnection {
    private static final Logger LOG = Logger.getLogger(SseConnection.class);

    private final UUID tenantId;
    private final UUID userId;
    private final SseEventSink sink;
    private final Sse sse;
    private final ObjectMapper json;
    private final int maxPending;
    private final AtomicInteger pending = new AtomicInteger();
    private final List<NotificationView> heldBack = new ArrayList<>();
    private boolean replaying = true;
    private volatile boolean closed;

    SseConnection(UUID tenantId, UUID userId, SseEventSink sink, Sse sse, ObjectMapper json, int maxPending) {
        this.tenantId = tenantId;
        this.userId = userId;
        this.sink = sink;
        this.sse = sse;
        this.json = json;
        this.maxPending = maxPending;
    }

    UUID tenantId() {
        return tenantId;
    }

    UUID userId() {
        return userId;
    }

    /** Whether the stream has ended (client gone, stalled, or server closing). */
    public boolean isClosed() {
        return closed || sink.isClosed();
    }

    /** Sends what the client missed, then what arrived meanwhile and was not in the replay, and goes live. */
    public synchronized void finishReplay(List<NotificationView> missed, long lastEventId) {
        java.util.Set<Long> replayed = new java.util.HashSet<>();
        for (NotificationView notification : missed) {
            replayed.add(notification.seq());
            sendNotification(notification);
        }
        for (NotificationView notification : heldBack) {
            if (notification.seq() > lastEventId && !replayed.contains(notification.seq())) {
                sendNotification(notification);
            }
        }
        heldBack.clear();
        replaying = false;
    }

    /** Delivers a live notification (buffered while replaying). */
    public synchronized void offer(NotificationView notification) {
        if (replaying) {
            heldBack.add(notification);
        } else {
            sendNotification(notification);
        }
    }

    /** Sends an SSE comment so idle proxies keep the stream open. */
    public void heartbeat() {
        send(sse.newEventBuilder().comment("keep-alive").build());
    }

    /** Ends the stream, telling the client to reconnect after {@code retryMillis}. */
    public void close(long retryMillis) {
        if (!isClosed()) {
            send(sse.newEventBuilder().comment("closing").reconnectDelay(retryMillis).build());
        }
        closed = true;
        sink.close();
    }

    private void sendNotification(NotificationView notification) {
        String data;
        try {
            data = json.writeValueAsString(notification);
        } catch (Exception e) {
            LOG.warnf("Cannot serialise notification %d: %s", notification.id(), e.getMessage());
            return;
        }
        send(sse.newEventBuilder()
                .id(Long.toString(notification.seq()))
                .name(notification.type())
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(data)
                .build());
    }

    private void send(OutboundSseEvent event) {
        if (isClosed()) {
            return;
        }
        if (pending.incrementAndGet() > maxPending) {
            LOG.infof("Closing a stalled SSE stream of user %s (%d events in flight)", userId, pending.get());
            closed = true;
            sink.close();
            return;
        }
        sink.send(event).whenComplete((ignored, error) -> {
            pending.decrementAndGet();
            if (error != null) {
                closed = true;
            }
        });
    }
}
