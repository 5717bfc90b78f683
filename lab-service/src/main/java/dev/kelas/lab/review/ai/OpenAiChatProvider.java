package dev.kelas.lab.review.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelas.lab.review.ReviewConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;

/**
 * OpenAI's Chat Completions API with {@code stream: true}, which local servers (Ollama, vLLM, llama.cpp) speak too:
 * {@code POST {base-url}/chat/completions} with {@code Authorization: Bearer <key>} (left out without a key); the
 * answer is a stream of {@code data:} chunks whose {@code choices[0].delta.content} carries the text, a last chunk
 * with {@code usage} ({@code stream_options.include_usage}), then {@code data: [DONE]}. Errors are a status with
 * {@code {"error": {"message", "type", "code"}}}.
 */
final class OpenAiChatProvider extends StreamingProvider {

    OpenAiChatProvider(ReviewConfig.Provider settings, HttpClient client, ObjectMapper json) {
        super(settings, URI.create(base(settings) + "/chat/completions"), client, json);
    }

    @Override
    protected ObjectNode body(Prompt prompt) {
        ObjectNode body = json.createObjectNode().put("model", model).put("stream", true).put("max_tokens", maxOutputTokens);
        body.putObject("stream_options").put("include_usage", true);
        body.putArray("messages")
                .add(json.createObjectNode().put("role", "system").put("content", prompt.system()))
                .add(json.createObjectNode().put("role", "user").put("content", prompt.user()));
        return body;
    }

    @Override
    protected void authenticate(HttpRequest.Builder request) {
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
    }

    @Override
    protected boolean onEvent(String event, String data, Answer answer) throws ProviderException {
        if (data.strip().equals("[DONE]")) {
            return false;
        }
        JsonNode chunk = parse(data);
        if (chunk.has("error")) {
            throw new ProviderException(0, "error in the stream: " + SseHttpCall.cut(chunk.path("error").path("message").asText()));
        }
        answer.model(chunk.path("model").asText(null));
        answer.append(chunk.path("choices").path(0).path("delta").path("content").asText(""));
        JsonNode counted = chunk.path("usage");
        if (counted.isObject()) {
            answer.inputTokens(counted.path("prompt_tokens").asInt());
            answer.outputTokens(counted.path("completion_tokens").asInt());
        }
        return true;
    }

    @Override
    protected String errorMessage(JsonNode body) {
        JsonNode error = body.path("error");
        return error.path("message").asText(error.toString());
    }
}
