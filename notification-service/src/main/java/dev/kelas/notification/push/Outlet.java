package dev.kelas.notification.push;

import dev.kelas.notification.inbox.NotificationView;
import java.util.concurrent.CompletionStage;

/** The transport of one {@link UserConnection} (SSE or WebSocket). Each write completes when the transport has taken the frame. */
public interface Outlet {
    /** Writes one notification. */
    CompletionStage<?> notification(NotificationView notification);

    /** Writes an unstored live update (an SSE event without an id; a WebSocket {@code live} frame). */
    CompletionStage<?> live(LiveUpdate update);

    /** Writes a heartbeat. */
    CompletionStage<?> heartbeat();

    /** Writes a frame that is not a notification (WebSocket only: chat, replies). */
    CompletionStage<?> frame(String json);

    /** Says the replay after {@code since} is done and {@code count} notifications were replayed, if the protocol says so. */
    CompletionStage<?> replayed(long since, int count);

    /**
     * Ends the connection.
     *
     * @param stalled the client stopped taking frames: drop the connection without writing to it
     */
    void close(boolean stalled);

    /** Whether the transport is closed (client gone, or closed here). */
    boolean isClosed();
}
