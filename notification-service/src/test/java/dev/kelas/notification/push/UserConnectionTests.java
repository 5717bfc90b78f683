package dev.kelas.notification.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kelas.notification.inbox.NotificationView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A connection sends a user's notifications in seq order, each once, whatever order they are pushed in,
 * and cuts a client off once its frames in flight pass the bound.
 */
class UserConnectionTests {
    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID USER = UUID.randomUUID();

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final RecordingOutlet outlet = new RecordingOutlet();
    private final List<long[]> gapReads = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void shouldHoldAnEventPushedAheadOfItsPredecessorUntilThePredecessorArrives() {
        UserConnection connection = connection(stored(), true);
        connection.finishReplay(List.of(), 0);
        connection.offer(view(2));
        assertEquals(List.of(), outlet.ids());
        connection.offer(view(1));
        assertEquals(List.of("1", "2"), outlet.ids());
    }

    @Test
    void shouldReadAMissingEventFromTheDatabaseWhenItsPushIsLost() {
        UserConnection connection = connection(stored(1, 2, 3, 4), true);
        connection.finishReplay(List.of(), 1);
        connection.offer(view(4));
        connection.offer(view(3));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> outlet.ids().size() == 3);
        assertEquals(List.of("2", "3", "4"), outlet.ids());
        assertEquals(1, gapReads.size());
        assertEquals(List.of(1L, 3L), List.of(gapReads.get(0)[0], gapReads.get(0)[1]));
    }

    @Test
    void shouldSendEachEventOnceAcrossReplayAndLivePushes() {
        UserConnection connection = connection(stored(), true);
        connection.offer(view(5));
        connection.offer(view(4));
        connection.finishReplay(List.of(view(4), view(5)), 3);
        connection.offer(view(5));
        connection.offer(view(6));
        connection.offer(view(6));
        assertEquals(List.of("4", "5", "6"), outlet.ids());
    }

    @Test
    void shouldSkipANumberNoLongerStoredRatherThanWaitForever() {
        UserConnection connection = connection(stored(), true);
        connection.finishReplay(List.of(), 0);
        connection.offer(view(2));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> outlet.ids().size() == 1);
        assertEquals(List.of("2"), outlet.ids());
        connection.offer(view(3));
        assertEquals(List.of("2", "3"), outlet.ids());
    }

    @Test
    void shouldReplayPastDeletedNumbersWithoutWaitingForThem() {
        UserConnection connection = connection(stored(), true);
        connection.finishReplay(List.of(view(3), view(6)), 1);
        assertEquals(List.of("3", "6"), outlet.ids());
        connection.offer(view(7));
        assertEquals(List.of("3", "6", "7"), outlet.ids());
        assertEquals(List.of(), gapReads);
    }

    @Test
    void shouldDropNotificationsUntilAWebSocketResumesAndHoldThemBackWhileItReplays() {
        UserConnection connection = connection(stored(), false);
        connection.offer(view(1));
        assertTrue(connection.startReplay());
        connection.offer(view(3));
        connection.finishReplay(List.of(view(2)), 1);
        assertEquals(List.of("2", "3"), outlet.ids());
        assertFalse(connection.startReplay(), "a connection resumes once");
    }

    @Test
    void shouldCloseAStalledClientOnceItsFramesInFlightPassTheBound() {
        outlet.stall();
        UserConnection connection = connection(stored(), true);
        connection.finishReplay(List.of(), 0);
        for (long seq = 1; seq <= 10; seq++) {
            connection.offer(view(seq));
        }
        assertEquals(5, outlet.ids().size(), "five frames taken while the transport writes none");
        assertTrue(connection.isClosed());
        assertEquals(List.of(true), outlet.closes);
        assertFalse(connection.send("{\"type\":\"heartbeat\"}"), "nothing more is written to a closed connection");
    }

    @Test
    void shouldSendLiveUpdatesOnlyOnceLiveAndWithoutMovingTheNotificationOrder() {
        UserConnection connection = connection(stored(), true);
        connection.live(update("before"));
        connection.finishReplay(List.of(), 0);
        connection.live(update("after"));
        connection.offer(view(1));
        assertEquals(List.of("live:after", "1"), outlet.frames());
        assertEquals(List.of("1"), outlet.ids());
    }

    private static LiveUpdate update(String name) {
        return new LiveUpdate(TENANT, USER, name, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
    }

    private UserConnection connection(List<NotificationView> database, boolean replaying) {
        return new UserConnection(TENANT, USER, 0, outlet, 5, (tenant, user, after, before) -> {
            gapReads.add(new long[] {after, before});
            return database.stream().filter(n -> n.seq() > after && n.seq() < before).toList();
        }, scheduler, 20, replaying);
    }

    private static List<NotificationView> stored(long... seqs) {
        return LongStream.of(seqs).mapToObj(UserConnectionTests::view).toList();
    }

    private static NotificationView view(long seq) {
        return new NotificationView(seq, seq, TENANT, USER, "kelas.lab.submission.graded", "Graded", "body", null,
                Instant.parse("2026-11-30T10:00:00Z"), false);
    }

    /** Records what the connection would write to the client; stalled, it never completes a write. */
    private static final class RecordingOutlet implements Outlet {
        private final List<String> ids = new CopyOnWriteArrayList<>();
        private final List<String> frames = new CopyOnWriteArrayList<>();
        private final List<Boolean> closes = new CopyOnWriteArrayList<>();
        private volatile boolean stalled;
        private volatile boolean closed;

        List<String> ids() {
            return new ArrayList<>(ids);
        }

        /** Notifications (their seq) and live updates ({@code live:<type>}) in the order written. */
        List<String> frames() {
            return new ArrayList<>(frames);
        }

        void stall() {
            stalled = true;
        }

        private CompletionStage<?> written() {
            return stalled ? new CompletableFuture<>() : CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<?> notification(NotificationView notification) {
            ids.add(Long.toString(notification.seq()));
            frames.add(Long.toString(notification.seq()));
            return written();
        }

        @Override
        public CompletionStage<?> live(LiveUpdate update) {
            frames.add("live:" + update.type());
            return written();
        }

        @Override
        public CompletionStage<?> heartbeat() {
            return written();
        }

        @Override
        public CompletionStage<?> frame(String json) {
            return written();
        }

        @Override
        public CompletionStage<?> replayed(long since, int count) {
            return null;
        }

        @Override
        public void close(boolean stalledClient) {
            closes.add(stalledClient);
            closed = true;
        }

        @Override
        public boolean isClosed() {
            return closed;
        }
    }
}
