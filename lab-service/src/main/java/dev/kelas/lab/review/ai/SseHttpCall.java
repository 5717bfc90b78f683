package dev.kelas.lab.review.ai;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One streaming HTTP call to an AI provider over the JDK HTTP client, read as server-sent events (the WHATWG
 * {@code text/event-stream} format: {@code event:} and {@code data:} lines, an empty line ends an event). The whole
 * call, from sending to the last event, has one deadline: a watchdog closes the response stream when it passes,
 * so a provider that stalls mid-stream cannot hold a reviewer.
 */
final class SseHttpCall {
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "kelas-ai-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    /** Characters of an error body kept for the message. */
    private static final int ERROR_BODY_CHARS = 300;

    private SseHttpCall() {
    }

    /** Told of each event of the stream; returns false to stop reading. */
    @FunctionalInterface
    interface EventHandler {
        boolean onEvent(String event, String data) throws ProviderException;
    }

    /** Reads an error body into a short message (the provider's own error JSON, cut). */
    @FunctionalInterface
    interface ErrorReader {
        String message(String body);
    }

    /**
     * Sends {@code request} and hands each event to {@code handler} until the stream ends, the handler stops, or the
     * deadline passes.
     *
     * @param timeout the deadline of the whole call
     * @throws ProviderException on a status other than 200 (with the provider's message), a transport failure, or
     *                           the deadline
     */
    static void stream(HttpClient client, HttpRequest request, Duration timeout, ErrorReader errors, EventHandler handler)
            throws ProviderException, InterruptedException {
        AtomicBoolean timedOut = new AtomicBoolean();
        HttpResponse<InputStream> response;
        try {
            response = client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new ProviderException(0, "no answer within " + timeout.toSeconds() + " s");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new ProviderException(0, "could not reach the provider: " + e.getCause().getClass().getSimpleName());
        }
        InputStream body = response.body();
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
            timedOut.set(true);
            try {
                body.close();
            } catch (IOException ignored) {
                // closing is all we want
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            if (response.statusCode() != 200) {
                StringBuilder text = new StringBuilder();
                String line;
                while ((line = reader.readLine()) != null && text.length() < 64 * 1024) {
                    text.append(line).append('\n');
                }
                throw new ProviderException(response.statusCode(), "HTTP " + response.statusCode() + ": " + errors.message(text.toString()));
            }
            String event = "message";
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty()) {
                    if (!data.isEmpty() && !handler.onEvent(event, data.toString())) {
                        return;
                    }
                    event = "message";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    if (!data.isEmpty()) {
                        data.append('\n');
                    }
                    data.append(line.substring(line.startsWith("data: ") ? 6 : 5));
                }
                // comments (":") and other fields are ignored, as the format says
            }
            if (!data.isEmpty()) {
                handler.onEvent(event, data.toString());
            }
        } catch (IOException e) {
            throw new ProviderException(0, timedOut.get() ? "the stream did not finish within " + timeout.toSeconds() + " s"
                    : "the stream broke: " + e.getClass().getSimpleName());
        } finally {
            watchdog.cancel(false);
        }
    }

    /** At most {@value #ERROR_BODY_CHARS} characters of an error text. */
    static String cut(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() > ERROR_BODY_CHARS ? flat.substring(0, ERROR_BODY_CHARS) + "…" : flat;
    }
}
