package dev.kelas.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * THE ONE STAND-IN ALLOWED HERE: no AI provider is reachable from these machines, so this local HTTP server speaks a
 * paid provider's documented wire format in its place: OpenAI Chat Completions with {@code stream: true}
 * ({@code POST /v1/chat/completions}, {@code data:} chunks of {@code choices[0].delta.content}, a last chunk with
 * {@code usage}, then {@code data: [DONE]}). {@link KelasSystem} points lab-service's provider chain at it
 * ({@code kelas.lab.review.providers[0]}); it is asked only for tasks whose feedback mode is AI. It checks each
 * request (method, path, {@code Authorization: Bearer} {@link #KEY}, {@link #MODEL}, {@code stream: true}, a system
 * and a user message holding the student's code), records each violation and every body, and streams
 * {@link #PIECES} with {@link #PAUSE_MILLIS} between them.
 */
public final class AiProviderStandIn implements AutoCloseable {
    /** What it streams, piece by piece. */
    public static final List<String> PIECES = List.of("Your ", "loop ", "stops ", "one ", "short: ", "check ", "line ", "2.");
    /** The key lab-service is configured with (not a real one). */
    public static final String KEY = "sk-e2e-stand-in-not-a-real-key";
    /** The model lab-service asks for. */
    public static final String MODEL = "gpt-e2e-stand-in";
    /** Milliseconds between two pieces, so they arrive as a stream. */
    public static final long PAUSE_MILLIS = 40;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    /** Nanosecond timestamps of each request's arrival and of its first piece sent, for the benchmark. */
    private final List<long[]> firstPieces = new CopyOnWriteArrayList<>();

    private AiProviderStandIn(HttpServer server) {
        this.server = server;
    }

    /** Starts it on a free loopback port. */
    public static AiProviderStandIn start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AiProviderStandIn standIn = new AiProviderStandIn(server);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/chat/completions", standIn::answer);
        server.start();
        return standIn;
    }

    /** Its base URL for {@code kelas.lab.review.providers[n].base-url}: {@code http://127.0.0.1:<port>/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The configuration that makes it lab-service's one AI provider, as system properties. */
    public Map<String, String> providerProperties() {
        String prefix = "kelas.lab.review.providers[0].";
        return Map.of(prefix + "name", "stand-in", prefix + "kind", "openai", prefix + "base-url", baseUrl(),
                prefix + "model", MODEL, prefix + "api-key", KEY, prefix + "timeout", "PT20S");
    }

    /** What it refused in the requests so far (empty when every request was right). */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** Every request body it got, in order. */
    public List<String> bodies() {
        return List.copyOf(bodies);
    }

    /** Per answered request: {arrival, first piece written}, System.nanoTime(). */
    public List<long[]> firstPieces() {
        return List.copyOf(firstPieces);
    }

    private void answer(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        bodies.add(body);
        if (!"POST".equals(exchange.getRequestMethod())) {
            violations.add("method " + exchange.getRequestMethod());
        }
        if (!("Bearer " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            violations.add("Authorization missing or wrong");
        }
        JsonNode json = JSON.readTree(body);
        if (!MODEL.equals(json.path("model").asText())) {
            violations.add("model " + json.path("model"));
        }
        if (!json.path("stream").asBoolean()) {
            violations.add("not a streaming request");
        }
        JsonNode messages = json.path("messages");
        if (!"system".equals(messages.path(0).path("role").asText()) || !"user".equals(messages.path(1).path("role").asText())
                || !messages.path(1).path("content").asText().contains("## The student's code")) {
            violations.add("messages " + messages);
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < PIECES.size(); i++) {
                if (i > 0) {
                    Thread.sleep(PAUSE_MILLIS);
                }
                out.write(("data: {\"id\":\"chatcmpl-e2e\",\"object\":\"chat.completion.chunk\",\"model\":\"" + MODEL
                        + "\",\"choices\":[{\"index\":0,\"delta\":{\"content\":" + JSON.writeValueAsString(PIECES.get(i))
                        + "},\"finish_reason\":null}]}\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (i == 0) {
                    firstPieces.add(new long[]{arrived, System.nanoTime()});
                }
            }
            out.write(("data: {\"id\":\"chatcmpl-e2e\",\"object\":\"chat.completion.chunk\",\"model\":\"" + MODEL
                    + "\",\"choices\":[],\"usage\":{\"prompt_tokens\":300,\"completion_tokens\":" + PIECES.size() + "}}\n\n"
                    + "data: [DONE]\n\n").getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
