package dev.kelas.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Server-Sent Events client over java.net.http: it connects, parses {@code id:}, {@code event:}
 * and {@code data:} lines (WHATWG HTML "server-sent events" parsing, comments skipped) and queues each
 * event as it arrives.
 */
public final class SseClient implements AutoCloseable {
    /** One received event. */
    public record Event(String id, String name, String data) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final HttpResponse<Stream<String>> response;

    private SseClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        if (response.statusCode() == 200) {
            Thread reader = new Thread(this::read, "sse-client");
            reader.setDaemon(true);
            reader.start();
        }
    }

    /** Opens a stream; returns once the response headers arrived (whatever the status). */
    public static SseClient connect(String url, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").GET();
        headers.forEach(request::header);
        // HTTP/1.1 as a browser's EventSource speaks it over http://: java.net.http's default h2c upgrade
        // headers, passed on by the edge's Upgrade/Connection forwarding, make the service answer 400.
        CompletableFuture<HttpResponse<Stream<String>>> future = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        return new SseClient(future.get(15, TimeUnit.SECONDS));
    }

    /** The HTTP status of the stream's response. */
    public int status() {
        return response.statusCode();
    }

    /** The response's Content-Type. */
    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** The next event, or null if none arrives in time. */
    public Event next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits for the first event whose data contains the text; earlier events are skipped. */
    public Event awaitEventContaining(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Event event = events.poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
            if (event != null && event.data().contains(text)) {
                return event;
            }
        }
        return null;
    }

    /** Waits for the first event of that name whose data contains the text; other events are skipped. */
    public Event awaitEvent(String name, String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Event event = awaitEventContaining(text, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (event != null && name.equals(event.name())) {
                return event;
            }
        }
        return null;
    }

    private void read() {
        String id = null;
        String name = null;
        StringBuilder data = new StringBuilder();
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(id, name == null ? "message" : name, data.toString()));
                    }
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    continue;
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> name = value;
                        case "data" -> data.append(data.length() > 0 ? "\n" : "").append(value);
                        default -> { }
                    }
                }
            }
        } catch (Exception closed) {
            // the stream ended
        }
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (Exception ignored) {
            // already closed
        }
    }
}
