package dev.kelas.lab.review.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelas.lab.review.ReviewConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;

/**
 * Anthropic's Messages API with {@code stream: true}: {@code POST {base-url}/v1/messages} with {@code x-api-key} and
 * {@code anthropic-version: 2023-06-01}; the answer is a stream of named events: {@code message_start} (with the
 * input tokens in {@code message.usage}), {@code content_block_delta} whose {@code delta.text} carries the text
 * ({@code delta.type} {@code text_delta}), {@code message_delta} (output tokens in {@code usage}), {@code message_stop};
 * an {@code error} event, or an error status with {@code {"type": "error", "error": {"type", "message"}}}, is a
 * failure.
 */
final class AnthropicMessagesProvider extends StreamingProvider {
    /** The API version Kelas speaks. */
    static final String API_VERSION = "2023-06-01";

    AnthropicMessagesProvider(ReviewConfig.Provider settings, HttpClient client, ObjectMapper json) {
        super(settings, URI.create(base(settings) + "/v1/messages"), client, json);
    }

    @Override
    protected ObjectNode body(Prompt prompt) {
        ObjectNode body = json.createObjectNode().put("model", model).put("max_tokens", maxOutputTokens).put("stream", true)
                .put("system", prompt.system());
        body.putArray("messages").add(json.createObjectNode().put("role", "user").put("content", prompt.user()));
        return body;
    }

    @Override
    protected void authenticate(HttpRequest.Builder request) {
        request.header("x-api-key", apiKey == null ? "" : apiKey).header("anthropic-version", API_VERSION);
    }

    @Override
    protected boolean onEvent(String event, String data, Answer answer) throws ProviderException {
        JsonNode payload = parse(data);
        switch (payload.path("type").asText(event)) {
            case "message_start" -> {
                JsonNode message = payload.path("message");
                answer.model(message.path("model").asText(null));
                answer.inputTokens(message.path("usage").path("input_tokens").asInt());
                answer.outputTokens(message.path("usage").path("output_tokens").asInt());
            }
            case "content_block_delta" -> answer.append(payload.path("delta").path("text").asText(""));
            case "message_delta" -> {
                if (payload.path("usage").has("output_tokens")) {
                    answer.outputTokens(payload.path("usage").path("output_tokens").asInt());
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
    }

    @Override
    protected String errorMessage(JsonNode body) {
        JsonNode error = body.path("error");
        return error.path("type").asText() + ": " + error.path("message").asText();
    }
}
