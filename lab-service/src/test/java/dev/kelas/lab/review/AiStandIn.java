package dev.kelas.lab.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * THE ONE STAND-IN ALLOWED HERE: no AI provider is reachable from these machines, so this local HTTP server speaks
 * the vendors' documented wire formats instead: OpenAI Chat Completions ({@code POST .../chat/completions}, a
 * {@code data:} chunk stream ending {@code data: [DONE]}, errors as {@code {"error": {...}}}) and Anthropic Messages
 * ({@code POST .../v1/messages}, named events {@code message_start} ... {@code message_stop}, errors as
 * {@code {"type": "error", "error": {...}}}). It checks every request it gets (method, path, JSON content type,
 * the key header, {@code anthropic-version}, the model, {@code stream: true}, the message shape, and that the
 * hidden test's input and output are nowhere in it) and records each violation, which the tests assert empty.
 *
 * <p>Providers, by path prefix: {@code /stall} (answers headers and one chunk, then stalls past the timeout),
 * {@code /broken} (500), {@code /limited} (Anthropic 429 {@code rate_limit_error}), {@code /good} (Anthropic, streams
 * {@link #ANSWER} in {@link #PIECES}; answers 529 {@code overloaded_error} while {@link #goodDown} is set),
 * {@code /gemini-down} (Google Gemini, 503 {@code UNAVAILABLE}) and {@code /gemini} (Google Gemini
 * {@code models.streamGenerateContent?alt=sse}: {@code data:} chunks of {@code candidates[0].content.parts[].text},
 * the last with {@code usageMetadata}). For Gemini it checks the {@code x-goog-api-key} header (and that the key is
 * not in the URL), {@code alt=sse}, the model in the path, {@code contents}, {@code systemInstruction} and
 * {@code generationConfig}.
 *
 * <p>The chain it configures is the init argument {@code chain} (provider names, comma-separated), by default
 * {@code stall,broken,limited,good}.
 */
public class AiStandIn implements QuarkusTestResourceLifecycleManager {
    /** What the good provider streams, piece by piece. */
    static final List<String> PIECES = List.of("Look ", "at ", "line ", "3: ", "abs ", "drops ", "the ", "sign.");
    static final String ANSWER = String.join("", PIECES);
    static final String KEY = "sk-test-not-a-real-key";
    /** Strings that must never leave Kelas: the hidden test's input and expected output (CodeReviewAiTests' task). */
    static final List<String> SECRETS = List.of("4000 -7777", "-3777");

    static final List<String> violations = new CopyOnWriteArrayList<>();
    static final Map<String, AtomicInteger> requests = new java.util.concurrent.ConcurrentHashMap<>();
    static final List<String> lastPrompts = new CopyOnWriteArrayList<>();
    static final AtomicBoolean goodDown = new AtomicBoolean();
    /** Per answer the good provider streamed: {request received, first piece written}, System.nanoTime() (for ReviewBenchmark). */
    static final List<long[]> firstPieces = new CopyOnWriteArrayList<>();

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every provider the stand-in speaks: name, kind, model. */
    private static final Map<String, String[]> PROVIDERS = Map.of(
            "stall", new String[]{"openai", "gpt-stall"}, "broken", new String[]{"openai", "gpt-broken"},
            "limited", new String[]{"anthropic", "claude-limited"}, "good", new String[]{"anthropic", "claude-good"},
            "gemini-down", new String[]{"gemini", "gemini-down"}, "gemini", new String[]{"gemini", "gemini-good"});
    private HttpServer server;
    private List<String> chain = List.of("stall", "broken", "limited", "good");

    @Override
    public void init(Map<String, String> initArgs) {
        if (initArgs.containsKey("chain")) {
            chain = List.of(initArgs.get("chain").split(","));
        }
    }

    @Override
    public Map<String, String> start() {
        violations.clear();
        requests.clear();
        lastPrompts.clear();
        firstPieces.clear();
        goodDown.set(false);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/stall/chat/completions", exchange -> openAi(exchange, "stall", "gpt-stall"));
        server.createContext("/broken/chat/completions", exchange -> openAi(exchange, "broken", "gpt-broken"));
        server.createContext("/limited/v1/messages", exchange -> anthropic(exchange, "limited", "claude-limited"));
        server.createContext("/good/v1/messages", exchange -> anthropic(exchange, "good", "claude-good"));
        server.createContext("/gemini-down/v1beta/models/", exchange -> gemini(exchange, "gemini-down", "gemini-down"));
        server.createContext("/gemini/v1beta/models/", exchange -> gemini(exchange, "gemini", "gemini-good"));
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        Map<String, String> config = new java.util.HashMap<>();
        for (int i = 0; i < chain.size(); i++) {
            String[] provider = PROVIDERS.get(chain.get(i));
            String prefix = "kelas.lab.review.providers[" + i + "].";
            config.put(prefix + "name", chain.get(i));
            config.put(prefix + "kind", provider[0]);
            config.put(prefix + "base-url", base + "/" + chain.get(i));
            config.put(prefix + "model", provider[1]);
            config.put(prefix + "api-key", KEY);
            config.put(prefix + "timeout", "PT2S");
            if (chain.get(i).equals("good")) {
                config.put(prefix + "input-price-per-million", "3");
                config.put(prefix + "output-price-per-million", "15");
            }
        }
        config.put("kelas.lab.review.circuit-breaker.request-volume-threshold", "2");
        config.put("kelas.lab.review.circuit-breaker.failure-ratio", "0.5");
        config.put("kelas.lab.review.circuit-breaker.delay", "PT10M");
        config.put("kelas.lab.review.student-daily-ai-limit", "3");
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static JsonNode checked(HttpExchange exchange, String provider, String model, boolean anthropic) throws IOException {
        requests.computeIfAbsent(provider, p -> new AtomicInteger()).incrementAndGet();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        lastPrompts.add(body);
        if (!exchange.getRequestMethod().equals("POST")) {
            violations.add(provider + ": method " + exchange.getRequestMethod());
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            violations.add(provider + ": content type " + type);
        }
        if (anthropic) {
            if (!KEY.equals(exchange.getRequestHeaders().getFirst("x-api-key"))) {
                violations.add(provider + ": x-api-key missing or wrong");
            }
            if (!"2023-06-01".equals(exchange.getRequestHeaders().getFirst("anthropic-version"))) {
                violations.add(provider + ": anthropic-version " + exchange.getRequestHeaders().getFirst("anthropic-version"));
            }
        } else if (!("Bearer " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            violations.add(provider + ": Authorization missing or wrong");
        }
        for (String secret : SECRETS) {
            if (body.contains(secret)) {
                violations.add(provider + ": the request holds hidden test data " + secret);
            }
        }
        JsonNode json = JSON.readTree(body);
        if (!model.equals(json.path("model").asText())) {
            violations.add(provider + ": model " + json.path("model"));
        }
        if (!json.path("stream").asBoolean()) {
            violations.add(provider + ": not a streaming request");
        }
        if (json.path("max_tokens").asInt() <= 0) {
            violations.add(provider + ": no max_tokens");
        }
        JsonNode messages = json.path("messages");
        String userText = messages.path(messages.size() - 1).path("content").asText();
        if (!messages.isArray() || !"user".equals(messages.path(messages.size() - 1).path("role").asText()) || !userText.contains("## The student's code")) {
            violations.add(provider + ": messages " + messages);
        }
        if (anthropic ? json.path("system").asText().isEmpty() : !"system".equals(messages.path(0).path("role").asText())) {
            violations.add(provider + ": no system prompt");
        }
        return json;
    }

    private static void openAi(HttpExchange exchange, String provider, String model) throws IOException {
        checked(exchange, provider, model, false);
        if (provider.equals("broken")) {
            reply(exchange, 500, "{\"error\":{\"message\":\"The server had an error while processing your request.\",\"type\":\"server_error\",\"param\":null,\"code\":null}}");
            return;
        }
        // stall: a first chunk, then nothing until well after the provider's 2 s deadline
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(("data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"model\":\"" + model
                    + "\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Stalled \"},\"finish_reason\":null}]}\n\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            Thread.sleep(6000);
        } catch (InterruptedException | IOException e) {
            // the client hung up at its deadline
        }
    }

    private static void anthropic(HttpExchange exchange, String provider, String model) throws IOException {
        long received = System.nanoTime();
        checked(exchange, provider, model, true);
        if (provider.equals("limited")) {
            exchange.getResponseHeaders().set("retry-after", "30");
            reply(exchange, 429, "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"Number of request tokens has exceeded your per-minute rate limit\"}}");
            return;
        }
        if (goodDown.get()) {
            reply(exchange, 529, "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}");
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            event(out, "message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\","
                    + "\"content\":[],\"model\":\"" + model + "\",\"stop_reason\":null,\"usage\":{\"input_tokens\":412,\"output_tokens\":1}}}");
            event(out, "content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
            event(out, "ping", "{\"type\":\"ping\"}");
            for (String piece : PIECES) {
                event(out, "content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":"
                        + JSON.writeValueAsString(piece) + "}}");
                if (piece == PIECES.get(0)) {
                    firstPieces.add(new long[]{received, System.nanoTime()});
                }
                Thread.sleep(20);
            }
            event(out, "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
            event(out, "message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":21}}");
            event(out, "message_stop", "{\"type\":\"message_stop\"}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Gemini's request: no {@code model}, {@code stream} or {@code messages} fields; its own shape, checked here. */
    private static JsonNode checkedGemini(HttpExchange exchange, String provider, String model) throws IOException {
        requests.computeIfAbsent(provider, p -> new AtomicInteger()).incrementAndGet();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        lastPrompts.add(body);
        if (!exchange.getRequestMethod().equals("POST")) {
            violations.add(provider + ": method " + exchange.getRequestMethod());
        }
        String path = exchange.getRequestURI().getPath();
        if (!path.equals("/" + provider + "/v1beta/models/" + model + ":streamGenerateContent")) {
            violations.add(provider + ": path " + path);
        }
        String query = exchange.getRequestURI().getRawQuery();
        if (!"alt=sse".equals(query)) {
            violations.add(provider + ": query " + query + " (the key belongs in x-goog-api-key, and alt=sse asks for SSE)");
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            violations.add(provider + ": content type " + type);
        }
        if (!KEY.equals(exchange.getRequestHeaders().getFirst("x-goog-api-key"))) {
            violations.add(provider + ": x-goog-api-key missing or wrong");
        }
        if (exchange.getRequestHeaders().containsKey("Authorization")) {
            violations.add(provider + ": an Authorization header besides x-goog-api-key");
        }
        for (String secret : SECRETS) {
            if (body.contains(secret)) {
                violations.add(provider + ": the request holds hidden test data " + secret);
            }
        }
        JsonNode json = JSON.readTree(body);
        JsonNode contents = json.path("contents");
        JsonNode last = contents.path(contents.size() - 1);
        if (!contents.isArray() || !"user".equals(last.path("role").asText())
                || !last.path("parts").path(0).path("text").asText().contains("## The student's code")) {
            violations.add(provider + ": contents " + contents);
        }
        if (json.path("systemInstruction").path("parts").path(0).path("text").asText().isEmpty()) {
            violations.add(provider + ": no systemInstruction");
        }
        JsonNode generation = json.path("generationConfig");
        if (generation.path("maxOutputTokens").asInt() <= 0 || !generation.path("temperature").isNumber()) {
            violations.add(provider + ": generationConfig " + generation);
        }
        for (String field : List.of("model", "messages", "stream", "max_tokens", "system")) {
            if (json.has(field)) {
                violations.add(provider + ": a field of another vendor's format: " + field);
            }
        }
        return json;
    }

    private static void gemini(HttpExchange exchange, String provider, String model) throws IOException {
        checkedGemini(exchange, provider, model);
        if (provider.equals("gemini-down")) {
            reply(exchange, 503, "{\"error\":{\"code\":503,\"message\":\"The model is overloaded. Please try again later.\",\"status\":\"UNAVAILABLE\"}}");
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < PIECES.size(); i++) {
                boolean lastPiece = i == PIECES.size() - 1;
                String chunk = "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":" + JSON.writeValueAsString(PIECES.get(i))
                        + "}],\"role\":\"model\"}" + (lastPiece ? ",\"finishReason\":\"STOP\"" : "") + ",\"index\":0}],"
                        + "\"usageMetadata\":{\"promptTokenCount\":380" + (lastPiece ? ",\"candidatesTokenCount\":19,\"totalTokenCount\":399" : "")
                        + "},\"modelVersion\":\"" + model + "-001\",\"responseId\":\"r-1\"}";
                out.write(("data: " + chunk + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void event(OutputStream out, String name, String data) throws IOException {
        out.write(("event: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
