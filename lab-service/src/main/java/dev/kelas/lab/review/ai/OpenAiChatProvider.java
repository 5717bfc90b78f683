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
 * OpenAI's Chat Completions API with {@code stream: true}, which local servers (Ollama, vLLM, llama.cpp) speak too:
 * {@code POST {base-url}/chat/completions} with {@code Authorization: Bearer <key>} (left out without a key); the
 * answer is a stream of {@code data:} chunks whose {@code choices[0].delta.content} carries the text, a last chunk
 * with {@code usage} ({@code stream_options.include_usage}), then {@code data: [DONE]}. Errors are a status with
 * {@code {"error": {"message", "type", "code"}}}. A thin client over the JDK HTTP client: see {@link AiProviders}
 * for why not the vendor SDK.
 */
final class OpenAiChatProvider implements AiProvider {
    private final String name;
    private final String model;
    private final URI endpoint;
    private final String apiKey;
    private final int maxOutputTokens;
    private final Duration timeout;
    private final HttpClient client;
    private final ObjectMapper json;

    OpenAiChatProvider(String name, String baseUrl, String model, String apiKey, int maxOutputTokens, Duration timeout,
                       HttpClient client, ObjectMapper json) {
        this.name = name;
        this.model = model;
        this.endpoint = URI.create(baseUrl.replaceAll("/+$", "") + "/chat/completions");
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
        ObjectNode body = json.createObjectNode().put("model", model).put("stream", true).put("max_tokens", maxOutputTokens);
        body.putObject("stream_options").put("include_usage", true);
        body.putArray("messages")
                .add(json.createObjectNode().put("role", "system").put("content", prompt.system()))
                .add(json.createObjectNode().put("role", "user").put("content", prompt.user()));
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (apiKey != null && !apiKey.isBlank()) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        StringBuilder text = new StringBuilder();
        String[] answeredModel = {model};
        int[] usage = new int[2];
        SseHttpCall.stream(client, request.build(), timeout, this::errorMessage, (event, data) -> {
            if (data.strip().equals("[DONE]")) {
                return false;
            }
            JsonNode chunk = parse(data);
            if (chunk.has("error")) {
                throw new ProviderException(0, "error in the stream: " + SseHttpCall.cut(chunk.path("error").path("message").asText()));
            }
            if (chunk.hasNonNull("model")) {
                answeredModel[0] = chunk.get("model").asText();
            }
            String piece = chunk.path("choices").path(0).path("delta").path("content").asText("");
            if (!piece.isEmpty()) {
                text.append(piece);
                onDelta.accept(piece);
            }
            JsonNode counted = chunk.path("usage");
            if (counted.isObject()) {
                usage[0] = counted.path("prompt_tokens").asInt();
                usage[1] = counted.path("completion_tokens").asInt();
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
            throw new ProviderException(0, "a chunk that is not JSON");
        }
    }

    private String errorMessage(String body) {
        try {
            JsonNode error = json.readTree(body).path("error");
            return SseHttpCall.cut(error.path("message").asText(error.toString()));
        } catch (Exception e) {
            return SseHttpCall.cut(body);
        }
    }
}
