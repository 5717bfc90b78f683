package dev.kelas.notification.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelas.notification.inbox.NotificationView;
import io.undertow.websockets.UndertowSession;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A connection's transport when it is a WebSocket: JSON text frames, {@code {"type":"notification","id":seq,...}},
 * {@code {"type":"heartbeat"}}, {@code {"type":"resumed",...}}, {@code {"type":"live","event":...,"data":...}} and whatever else the endpoint sends.
 */
public final class WebSocketOutlet implements Outlet {
    private final Session session;
    private final ObjectMapper json;

    public WebSocketOutlet(Session session, ObjectMapper json) {
        this.session = session;
        this.json = json;
    }

    @Override
    public CompletionStage<?> notification(NotificationView notification) {
        ObjectNode frame = json.createObjectNode().put("type", "notification").put("id", notification.seq());
        frame.set("notification", json.valueToTree(notification));
        return frame(frame.toString());
    }

    @Override
    public CompletionStage<?> live(LiveUpdate update) {
        ObjectNode frame = json.createObjectNode().put("type", "live").put("event", update.type());
        frame.set("data", update.data());
        return frame(frame.toString());
    }

    @Override
    public CompletionStage<?> heartbeat() {
        return frame("{\"type\":\"heartbeat\"}");
    }

    @Override
    public CompletionStage<?> replayed(long since, int count) {
        return frame(json.createObjectNode().put("type", "resumed").put("lastId", since).put("replayed", count).toString());
    }

    @Override
    public CompletionStage<?> frame(String text) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        session.getAsyncRemote().sendText(text, result -> {
            if (result.isOK()) {
                written.complete(null);
            } else {
                written.completeExceptionally(result.getException());
            }
        });
        return written;
    }

    @Override
    public void close(boolean stalled) {
        try {
            if (stalled && session instanceof UndertowSession undertow) {
                undertow.forceClose(); // a close frame would queue behind what the client does not read
            } else if (session.isOpen()) {
                session.close(stalled
                        ? new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "stalled")
                        : new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "server closing"));
            }
        } catch (IOException | RuntimeException e) {
            // gone already
        }
    }

    @Override
    public boolean isClosed() {
        return !session.isOpen();
    }
}
