package dev.kelas.notification.push;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;
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
import org.jboss.resteasy.reactive.server.jaxrs.SseImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A stream sends a user's notifications in seq order, each once, whatever order they are pushed in. */
class SseConnectionTests {
    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID USER = UUID.randomUUID();

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final RecordingSink sink = new RecordingSink();
    private final List<long[]> gapReads = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void shouldHoldAnEventPushedAheadOfItsPredecessorUntilThePredecessorArrives() {
        SseConnection connection = connection(stored());
        connection.finishReplay(List.of(), 0);
        connection.offer(view(2));
        assertEquals(List.of(), sink.ids());
        connection.offer(view(1));
        assertEquals(List.of("1", "2"), sink.ids());
    }

    @Test
    void shouldReadAMissingEventFromTheDatabaseWhenItsPushIsLost() {
        SseConnection connection = connection(stored(1, 2, 3, 4));
        connection.finishReplay(List.of(), 1);
        connection.offer(view(4));
        connection.offer(view(3));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> sink.ids().size() == 3);
        assertEquals(List.of("2", "3", "4"), sink.ids());
        assertEquals(1, gapReads.size());
        assertEquals(List.of(1L, 3L), List.of(gapReads.get(0)[0], gapReads.get(0)[1]));
    }

    @Test
    void shouldSendEachEventOnceAcrossReplayAndLivePushes() {
        SseConnection connection = connection(stored());
        connection.offer(view(5));
        connection.offer(view(4));
        connection.finishReplay(List.of(view(4), view(5)), 3);
        connection.offer(view(5));
        connection.offer(view(6));
        connection.offer(view(6));
        assertEquals(List.of("4", "5", "6"), sink.ids());
    }

    @Test
    void shouldSkipANumberNoLongerStoredRatherThanWaitForever() {
        SseConnection connection = connection(stored());
        connection.finishReplay(List.of(), 0);
        connection.offer(view(2));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> sink.ids().size() == 1);
        assertEquals(List.of("2"), sink.ids());
        connection.offer(view(3));
        assertEquals(List.of("2", "3"), sink.ids());
    }

    private SseConnection connection(List<NotificationView> database) {
        return new SseConnection(TENANT, USER, sink, SseImpl.INSTANCE, new ObjectMapper().findAndRegisterModules(), 100,
                (tenant, user, after, before) -> {
                    gapReads.add(new long[] {after, before});
                    return database.stream().filter(n -> n.seq() > after && n.seq() < before).toList();
                }, scheduler, 20);
    }

    private static List<NotificationView> stored(long... seqs) {
        return LongStream.of(seqs).mapToObj(SseConnectionTests::view).toList();
    }

    private static NotificationView view(long seq) {
        return new NotificationView(seq, seq, TENANT, USER, "kelas.lab.submission.graded", "Graded", "body", null,
                Instant.parse("2026-11-30T10:00:00Z"), false);
    }

    /** Records what the stream would write to the client. */
    private static final class RecordingSink implements SseEventSink {
        private final List<String> ids = new CopyOnWriteArrayList<>();

        List<String> ids() {
            return new ArrayList<>(ids);
        }

        @Override
        public boolean isClosed() {
            return false;
        }

        @Override
        public CompletionStage<?> send(OutboundSseEvent event) {
            ids.add(event.getId());
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
        }
    }
}
