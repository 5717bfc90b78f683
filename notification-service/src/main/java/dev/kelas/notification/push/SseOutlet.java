package dev.kelas.notification.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelas.notification.inbox.NotificationView;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A connection's transport when it is a Server-Sent Events stream: {@code id:} seq, {@code event:} type, JSON {@code data:}. */
final class SseOutlet implements Outlet {
    /** What a client is told to wait before reconnecting when the server closes the stream. */
    private static final long RECONNECT_MILLIS = 1000;

    private final SseEventSink sink;
    private final Sse sse;
    private final ObjectMapper json;

    SseOutlet(SseEventSink sink, Sse sse, ObjectMapper json) {
        this.sink = sink;
        this.sse = sse;
        this.json = json;
    }

    @Override
    public CompletionStage<?> notification(NotificationView notification) {
        String data;
        try {
            data = json.writeValueAsString(notification);
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
        return sink.send(sse.newEventBuilder()
                .id(Long.toString(notification.seq()))
                .name(notification.type())
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(data)
                .build());
    }

    @Override
    public CompletionStage<?> live(LiveUpdate update) {
        // No id: a live update must not move the client's Last-Event-ID, which counts stored notifications.
        return sink.send(sse.newEventBuilder()
                .name(update.type())
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(update.data().toString())
                .build());
    }

    @Override
    public CompletionStage<?> heartbeat() {
        return sink.send(sse.newEventBuilder().comment("keep-alive").build());
    }

    @Override
    public CompletionStage<?> frame(String frame) {
        throw new UnsupportedOperationException("An SSE stream carries notifications only");
    }

    @Override
    public CompletionStage<?> replayed(long since, int count) {
        return null; // the stream's ids say it all
    }

    @Override
    public void close(boolean stalled) {
        if (!stalled && !sink.isClosed()) {
            sink.send(sse.newEventBuilder().comment("closing").reconnectDelay(RECONNECT_MILLIS).build());
        }
        sink.close();
    }

    @Override
    public boolean isClosed() {
        return sink.isClosed();
    }
}
