package dev.kelas.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real WebSocket client (java.net.http) of {@code /api/v1/notifications/ws}: it queues each JSON text frame
 * as it arrives. A stalled client stops asking for frames after the first few, so the JDK stops reading its
 * socket and the server's writes back up, as with a browser tab that hangs.
 */
public final class WsClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final List<JsonNode> all = new CopyOnWriteArrayList<>();
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private final boolean stallAfterResume;
    private volatile WebSocket socket;
    private volatile boolean stalled;

    private WsClient(boolean stallAfterResume) {
        this.stallAfterResume = stallAfterResume;
    }

    /** Connects to a notification-service instance with a token (null: none); returns once the handshake is done. */
    public static WsClient connect(String baseUrl, String token) throws Exception {
        return open(baseUrl, token, false);
    }

    /** Connects a client that reads up to its {@code resumed} frame and then nothing until {@link #resumeReading}. */
    public static WsClient connectStalling(String baseUrl, String token) throws Exception {
        return open(baseUrl, token, true);
    }

    private static WsClient open(String baseUrl, String token, boolean stallAfterResume) throws Exception {
        WsClient client = new WsClient(stallAfterResume);
        String url = baseUrl.replaceFirst("^http", "ws") + "/api/v1/notifications/ws" + (token == null ? "" : "?access_token=" + token);
        client.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(url), client.new Listener()).get(15, TimeUnit.SECONDS);
        return client;
    }

    /** Sends a JSON frame. */
    public void send(Map<String, ?> frame) throws Exception {
        socket.sendText(JSON.writeValueAsString(frame), true).get(10, TimeUnit.SECONDS);
    }

    /** Sends a text frame as it is (to send what is not JSON). */
    public void sendRaw(String text) throws Exception {
        socket.sendText(text, true).get(10, TimeUnit.SECONDS);
    }

    /** Sends {@code resume} with the last notification id seen (0: from now on) and waits for {@code resumed}. */
    public JsonNode resume(long lastId) throws Exception {
        send(Map.of("type", "resume", "lastId", lastId));
        JsonNode resumed = await(f -> f.path("type").asText().equals("resumed"), Duration.ofSeconds(15));
        if (resumed == null) {
            throw new AssertionError("no resumed frame; got " + all);
        }
        return resumed;
    }

    /** The next frame, or null if none arrives in time. */
    public JsonNode next(Duration timeout) throws InterruptedException {
        return frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits for the first frame that matches; frames before it are skipped. Null if none comes in time. */
    public JsonNode await(Predicate<JsonNode> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode frame = frames.poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
            if (frame != null && match.test(frame)) {
                return frame;
            }
        }
        return null;
    }

    /** Waits for a frame of this type whose text contains {@code text}. */
    public JsonNode awaitType(String type, String text, Duration timeout) throws InterruptedException {
        return await(f -> f.path("type").asText().equals(type) && f.toString().contains(text), timeout);
    }

    /** Every frame received so far, in order. */
    public List<JsonNode> received() {
        return new ArrayList<>(all);
    }

    /** The ids of the notification frames received so far, in order. */
    public List<Long> notificationIds() {
        return all.stream().filter(f -> f.path("type").asText().equals("notification")).map(f -> f.path("id").asLong()).toList();
    }

    /** Starts reading again after a stall. */
    public void resumeReading() {
        stalled = false;
        socket.request(Long.MAX_VALUE);
    }

    /**
     * How the connection ended ({@code "<code> <reason>"} for a close frame, {@code "error: ..."} when the
     * connection broke), or null if it is still open after the wait.
     */
    public String awaitClosed(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        } catch (Exception ignored) {
            // closed already
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode frame = JSON.readTree(partial.toString());
                    all.add(frame);
                    frames.add(frame);
                    if (stallAfterResume && frame.path("type").asText().equals("resumed")) {
                        stalled = true;
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("Not JSON: " + partial, e);
                }
                partial.setLength(0);
            }
            if (!stalled) {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete("error: " + error);
        }
    }
}
