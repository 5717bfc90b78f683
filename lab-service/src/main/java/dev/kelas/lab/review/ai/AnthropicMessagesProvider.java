package dev.kelas.lab.review.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Anthropic's Messages API with {@code stream: true}: {@code POST {base-url}/v1/messages} with {@code x-api-key} and
 * {@code anthropic-version: 2023-06-01}; the answer is a stream of named events: {@code message_start} (with the
 * input tokens in {@code message.usage}), {@code content_block_delta} whose {@code delta.text} carries the text
 * ({@code delta.type} {@code text_delta}), {@code message_delta} (output tokens in {@code usage}), {@code message_stop};
 * an {@code error} event, or an error status with {@code {"type": "error", "error": {"type", "message"}}}, is a
 * failure. A thin client over the JDK HTTP client: see {@link AiProviders} for why not the vendor SDK.
 */
final class AnthropicMessagesProvider implements AiProvider {
    /** The API version Kelas speaks. */
    static final String API_VERSION = "2023-06-01";

    private final String name;
    private final String model;
    private final URI endpoint;
    private final String apiKey;
    private final int maxOutputTokens;
    private final Duration timeout;
    private final HttpClient client;
    private final ObjectMapper json;

    AnthropicMessagesProvider(String name, String baseUrl, String model, String apiKey, int maxOutputTokens, Duration timeout,
                              HttpClient client, ObjectMapper json) {
        this.name = name;
        this.model = model;
        this.endpoint = URI.create(baseUrl.replaceAll("/+$", "") + "/v1/messages");
        this.apiKey = apiKey;
        this.maxOutputTokens = maxOutputTokens;
        this.timeout = timeout;
        this.client = client;
        this.json = json;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public Completion stream(Prompt prompt, Consumer<String> onDelta) throws ProviderException, InterruptedException {
        ObjectNode body = json.createObjectNode().put("model", model).put("max_tokens", maxOutputTokens).put("stream", true)
                .put("system", prompt.system());
        body.putArray("messages").add(json.createObjectNode().put("role", "user").put("content", prompt.user()));
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .header("x-api-key", apiKey == null ? "" : apiKey).header("anthropic-version", API_VERSION)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        StringBuilder text = new StringBuilder();
        String[] answeredModel = {model};
        int[] usage = new int[2];
        SseHttpCall.stream(client, request, timeout, this::errorMessage, (event, data) -> {
            JsonNode payload = parse(data);
            switch (payload.path("type").asText(event)) {
                case "message_start" -> {
                    JsonNode message = payload.path("message");
                    answeredModel[0] = message.path("model").asText(model);
                    usage[0] = message.path("usage").path("input_tokens").asInt();
                    usage[1] = message.path("usage").path("output_tokens").asInt();
                }
                case "content_block_delta" -> {
                    String piece = payload.path("delta").path("text").asText("");
                    if (!piece.isEmpty()) {
                        text.append(piece);
                        onDelta.accept(piece);
                    }
                }
                case "message_delta" -> {
                    if (payload.path("usage").has("output_tokens")) {
                        usage[1] = payload.path("usage").path("output_tokens").asInt();
                    }
                }
                case "message_stop" -> {
                    return false;
                }
                case "error" -> throw new ProviderException(0, "error in the stream: "
                        + payload.path("error").path("type").asText() + ": " + SseHttpCall.cut(payload.path("error").path("message").asText()));
                default -> {
                    // ping, content_block_start, content_block_stop: nothing to keep
                }
            }
            return true;
        });
        if (text.isEmpty()) {
            throw new ProviderException(0, "the stream ended without text");
        }
        return new Completion(text.toString(), answeredModel[0], usage[0], usage[1]);
    }

    private JsonNode parse(String data) throws ProviderException {
        try {
            return json.readTree(data);
        } catch (Exception e) {
            throw new ProviderException(0, "an event that is not JSON");
        }
    }

    private String errorMessage(String body) {
        try {
            JsonNode error = json.readTree(body).path("error");
            return SseHttpCall.cut(error.path("type").asText() + ": " + error.path("message").asText());
        } catch (Exception e) {
            return SseHttpCall.cut(body);
        }
    }
}
