package dev.kelas.notification.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * One open SSE stream of one user, which sends that user's notifications strictly in {@code seq}
 * order, each once. Order matters because a client resumes with the last id it saw: had it seen
 * 7 before 6 and dropped, a replay after 7 would lose 6.
 *
 * <p>While the stream replays what the client missed, live events are held back. Afterwards a live
 * event that arrives ahead of its predecessor (two commits whose pushes raced, or a push lost on core
 * NATS) waits; if the predecessor has not come after {@code gapGraceMillis}, the missing numbers are
 * read from the database. That read cannot come up short: numbers are given under a row lock held
 * until commit, so when n is pushed every number below n is committed. Sends are asynchronous; a
 * client with more than {@code maxPending} events in flight is stalled and is closed so it cannot
 * hold up others.
 */
public final class SseConnection {
    private static final Logger LOG = Logger.getLogger(SseConnection.class);

    /** Reads a user's notifications numbered after {@code afterSeq} and below {@code beforeSeq}, oldest first. */
    @FunctionalInterface
    public interface GapLoader {
        List<NotificationView> load(UUID tenantId, UUID userId, long afterSeq, long beforeSeq);
    }

    private final UUID tenantId;
    private final UUID userId;
    private final SseEventSink sink;
    private final Sse sse;
    private final ObjectMapper json;
    private final int maxPending;
    private final GapLoader gapLoader;
    private final ScheduledExecutorService scheduler;
    private final long gapGraceMillis;
    private final AtomicInteger pending = new AtomicInteger();
    private final List<NotificationView> heldBack = new ArrayList<>();
    private final TreeMap<Long, NotificationView> ahead = new TreeMap<>();
    private boolean replaying = true;
    private boolean gapFillScheduled;
    private long lastSent;
    private volatile boolean closed;

    SseConnection(UUID tenantId, UUID userId, SseEventSink sink, Sse sse, ObjectMapper json, int maxPending,
                  GapLoader gapLoader, ScheduledExecutorService scheduler, long gapGraceMillis) {
        this.tenantId = tenantId;
        this.userId = userId;
        this.sink = sink;
        this.sse = sse;
        this.json = json;
        this.maxPending = maxPending;
        this.gapLoader = gapLoader;
        this.scheduler = scheduler;
        this.gapGraceMillis = gapGraceMillis;
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

    /**
     * Sends what the client missed, then what arrived meanwhile, in order, and goes live.
     *
     * @param missed the notifications numbered after {@code since}, oldest first
     * @param since the client's {@code Last-Event-ID}, or for a new stream the user's highest number now
     */
    public synchronized void finishReplay(List<NotificationView> missed, long since) {
        lastSent = since;
        missed.forEach(this::deliver);
        heldBack.forEach(this::deliver);
        heldBack.clear();
        replaying = false;
    }

    /** Delivers a live notification (held back while replaying; held while its predecessor is missing). */
    public synchronized void offer(NotificationView notification) {
        if (replaying) {
            heldBack.add(notification);
        } else {
            deliver(notification);
        }
    }

    /** The highest {@code seq} sent so far. */
    public synchronized long lastSent() {
        return lastSent;
    }

    private void deliver(NotificationView notification) {
        long seq = notification.seq();
        if (seq <= lastSent) {
            return; // sent already: in the replay, or pushed twice
        }
        if (seq > lastSent + 1) {
            ahead.put(seq, notification);
            scheduleGapFill();
            return;
        }
        sendNotification(notification);
        lastSent = seq;
        while (!ahead.isEmpty() && ahead.firstKey() <= lastSent + 1) {
            NotificationView next = ahead.pollFirstEntry().getValue();
            if (next.seq() == lastSent + 1) {
                sendNotification(next);
                lastSent = next.seq();
            }
        }
    }

    private void scheduleGapFill() {
        if (!gapFillScheduled && !isClosed()) {
            gapFillScheduled = true;
            scheduler.schedule(this::fillGap, gapGraceMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void fillGap() {
        long after;
        long before;
        synchronized (this) {
            gapFillScheduled = false;
            if (ahead.isEmpty() || isClosed()) {
                return;
            }
            after = lastSent;
            before = ahead.firstKey();
        }
        List<NotificationView> missing = List.of();
        try {
            missing = gapLoader.load(tenantId, userId, after, before);
        } catch (RuntimeException e) {
            LOG.warnf("Cannot read notifications %d..%d of user %s to fill a gap: %s", after + 1, before - 1, userId,
                    e.getMessage());
        }
        synchronized (this) {
            missing.forEach(this::deliver);
            if (lastSent == after && !ahead.isEmpty() && missing.isEmpty()) {
                // Not in the database (removed by retention): do not hold the later ones back for ever.
                lastSent = ahead.firstKey() - 1;
                deliver(ahead.pollFirstEntry().getValue());
            }
            if (!ahead.isEmpty()) {
                scheduleGapFill();
            }
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
