package dev.kelas.notification.push;

import dev.kelas.notification.inbox.NotificationView;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * One open connection of one user (an SSE stream or a WebSocket), which sends that user's
 * notifications strictly in {@code seq} order, each once. Order matters because a client resumes with
 * the last id it saw: had it seen 7 before 6 and dropped, a replay after 7 would lose 6.
 *
 * <p>While the connection replays what the client missed, live events are held back. Afterwards a live
 * event that arrives ahead of its predecessor (two commits whose pushes raced, or a push lost on core
 * NATS) waits; if the predecessor has not come after {@code gapGraceMillis}, the missing numbers are
 * read from the database. That read cannot come up short: numbers are given under a row lock held
 * until commit, so when n is pushed every number below n is committed.
 *
 * <p>Every frame (notification, heartbeat, chat) is written asynchronously and counted until the
 * transport has taken it; a client with more than {@code maxPending} frames in flight is stalled and is
 * closed, so its backlog is bounded and nobody else waits for it.
 */
public final class UserConnection {
    private static final Logger LOG = Logger.getLogger(UserConnection.class);

    private enum State { IDLE, REPLAYING, LIVE }

    private final UUID tenantId;
    private final UUID userId;
    private final long tokenIssuedAt;
    private final Outlet outlet;
    private final int maxPending;
    private final GapLoader gapLoader;
    private final ScheduledExecutorService scheduler;
    private final long gapGraceMillis;
    private final AtomicInteger pending = new AtomicInteger();
    private final List<NotificationView> heldBack = new ArrayList<>();
    private final TreeMap<Long, NotificationView> ahead = new TreeMap<>();
    private State state;
    private boolean gapFillScheduled;
    private long lastSent;
    private volatile boolean closed;

    /**
     * @param tokenIssuedAt the {@code iat} of the token it was opened with (seconds): it ends when that token is revoked
     * @param replaying true for a connection that replays at once (SSE); false for one that takes no
     *                  notifications until {@link #startReplay} (a WebSocket before its resume message)
     */
    UserConnection(UUID tenantId, UUID userId, long tokenIssuedAt, Outlet outlet, int maxPending, GapLoader gapLoader,
                   ScheduledExecutorService scheduler, long gapGraceMillis, boolean replaying) {
        this.tenantId = tenantId;
        this.userId = userId;
        this.tokenIssuedAt = tokenIssuedAt;
        this.outlet = outlet;
        this.maxPending = maxPending;
        this.gapLoader = gapLoader;
        this.scheduler = scheduler;
        this.gapGraceMillis = gapGraceMillis;
        this.state = replaying ? State.REPLAYING : State.IDLE;
    }

    /** The connection's school. */
    public UUID tenantId() {
        return tenantId;
    }

    /** The connected user. */
    public UUID userId() {
        return userId;
    }

    /** The {@code iat} of the token the connection was opened with, seconds since the epoch. */
    public long tokenIssuedAt() {
        return tokenIssuedAt;
    }

    /** Whether the connection has ended (client gone, stalled, or server closing). */
    public boolean isClosed() {
        return closed || outlet.isClosed();
    }

    /**
     * Starts holding live notifications back for a replay (WebSocket resume).
     *
     * @return false if the connection takes notifications already
     */
    public synchronized boolean startReplay() {
        if (state != State.IDLE) {
            return false;
        }
        state = State.REPLAYING;
        return true;
    }

    /**
     * Sends what the client missed, then what was held back meanwhile, and goes live.
     *
     * @param missed the notifications numbered after {@code since}, oldest first
     * @param since  the client's last id, or for a new stream the user's highest number now
     */
    public synchronized void finishReplay(List<NotificationView> missed, long since) {
        lastSent = since;
        deliverStored(missed, missed.isEmpty() ? since : missed.get(missed.size() - 1).seq());
        write(() -> outlet.replayed(since, missed.size()));
        heldBack.forEach(this::deliver);
        heldBack.clear();
        state = State.LIVE;
    }

    /** Delivers a live notification (held back while replaying, dropped before a WebSocket resumes). */
    public synchronized void offer(NotificationView notification) {
        switch (state) {
            case IDLE -> { }
            case REPLAYING -> heldBack.add(notification);
            case LIVE -> deliver(notification);
        }
    }

    /**
     * Sends an unstored live update if the connection is live; before that (replaying, or a WebSocket not yet
     * resumed) it is dropped, since the client reads the current state when it has caught up.
     */
    public synchronized void live(LiveUpdate update) {
        if (state == State.LIVE) {
            write(() -> outlet.live(update));
        }
    }

    /** The highest {@code seq} sent so far. */
    public synchronized long lastSent() {
        return lastSent;
    }

    /** Writes a frame that is not a notification; false if the connection is closed or just closed as stalled. */
    public boolean send(String json) {
        return write(() -> outlet.frame(json));
    }

    /** Writes a heartbeat so idle proxies keep the connection open. */
    public void heartbeat() {
        write(outlet::heartbeat);
    }

    /** Ends the connection (the server is going away, or the client asked). */
    public void close() {
        closed = true;
        outlet.close(false);
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
        write(() -> outlet.notification(notification));
        lastSent = seq;
        sendWaitingSuccessors();
    }

    /**
     * Sends notifications read from the database, which holds every number up to {@code upTo} that still
     * exists: a number missing from them was deleted (by its user or by retention) and is not waited for.
     */
    private void deliverStored(List<NotificationView> stored, long upTo) {
        for (NotificationView notification : stored) {
            if (notification.seq() > lastSent && notification.seq() <= upTo) {
                write(() -> outlet.notification(notification));
                lastSent = notification.seq();
            }
        }
        lastSent = Math.max(lastSent, upTo);
        ahead.headMap(lastSent, true).clear();
        sendWaitingSuccessors();
    }

    private void sendWaitingSuccessors() {
        while (!ahead.isEmpty() && ahead.firstKey() == lastSent + 1) {
            NotificationView next = ahead.pollFirstEntry().getValue();
            write(() -> outlet.notification(next));
            lastSent = next.seq();
        }
        if (!ahead.isEmpty()) {
            scheduleGapFill();
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
        List<NotificationView> missing = null;
        try {
            missing = gapLoader.load(tenantId, userId, after, before);
        } catch (RuntimeException e) {
            LOG.warnf("Cannot read notifications %d..%d of user %s to fill a gap: %s", after + 1, before - 1, userId,
                    e.getMessage());
        }
        synchronized (this) {
            if (lastSent == after && missing != null) {
                deliverStored(missing, before - 1);
            } else if (!ahead.isEmpty()) {
                scheduleGapFill();
            }
        }
    }

    private boolean write(Supplier<CompletionStage<?>> frame) {
        if (isClosed()) {
            return false;
        }
        if (pending.incrementAndGet() > maxPending) {
            LOG.infof("Closing a stalled connection of user %s (%d frames in flight)", userId, pending.get() - 1);
            closed = true;
            outlet.close(true);
            return false;
        }
        CompletionStage<?> written;
        try {
            written = frame.get();
        } catch (RuntimeException e) {
            pending.decrementAndGet();
            closed = true;
            return false;
        }
        if (written == null) {
            pending.decrementAndGet();
            return true;
        }
        written.whenComplete((ignored, error) -> {
            pending.decrementAndGet();
            if (error != null) {
                closed = true;
            }
        });
        return true;
    }
}
