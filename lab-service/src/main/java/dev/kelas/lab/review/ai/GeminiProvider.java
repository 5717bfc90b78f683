package dev.kelas.lab.review.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelas.lab.review.ReviewConfig;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/**
 * Google's Gemini API, {@code models.streamGenerateContent} with server-sent events:
 * {@code POST {base-url}/v1beta/models/{model}:streamGenerateContent?alt=sse} with the key in {@code x-goog-api-key}
 * (never in the URL, which could be logged); the body has {@code contents[{role: "user", parts[{text}]}]},
 * {@code systemInstruction{parts[{text}]}} and {@code generationConfig{maxOutputTokens, temperature}}. The answer is
 * a stream of {@code data:} chunks, each a {@code GenerateContentResponse}: the text in
 * {@code candidates[0].content.parts[].text}, the counts in {@code usageMetadata{promptTokenCount,
 * candidatesTokenCount}}, the model in {@code modelVersion}; the stream ends when the server closes it. Errors are
 * a status with Google's {@code {"error": {"code", "message", "status"}}} (e.g. 429 {@code RESOURCE_EXHAUSTED}).
 */
final class GeminiProvider extends StreamingProvider {
    /** The sampling temperature Kelas asks for: low, so a review reads the same on a second try. */
    static final double TEMPERATURE = 0.2;

    GeminiProvider(ReviewConfig.Provider settings, HttpClient client, ObjectMapper json) {
        super(settings, URI.create(base(settings) + "/v1beta/models/" + URLEncoder.encode(settings.model(), StandardCharsets.UTF_8)
                + ":streamGenerateContent?alt=sse"), client, json);
    }

    @Override
    protected ObjectNode body(Prompt prompt) {
        ObjectNode body = json.createObjectNode();
        ObjectNode user = body.putArray("contents").addObject().put("role", "user");
        user.putArray("parts").addObject().put("text", prompt.user());
        body.putObject("systemInstruction").putArray("parts").addObject().put("text", prompt.system());
        body.putObject("generationConfig").put("maxOutputTokens", maxOutputTokens).put("temperature", TEMPERATURE);
        return body;
    }

    @Override
    protected void authenticate(HttpRequest.Builder request) {
        request.header("x-goog-api-key", apiKey == null ? "" : apiKey);
    }

    @Override
    protected boolean onEvent(String event, String data, Answer answer) throws ProviderException {
        JsonNode chunk = parse(data);
        if (chunk.has("error")) {
            throw new ProviderException(0, "error in the stream: " + SseHttpCall.cut(errorMessage(chunk)));
        }
        answer.model(chunk.path("modelVersion").asText(null));
        for (JsonNode part : chunk.path("candidates").path(0).path("content").path("parts")) {
            if (!part.path("thought").asBoolean(false)) {
                answer.append(part.path("text").asText(""));
            }
        }
        JsonNode usage = chunk.path("usageMetadata");
        if (usage.isObject()) {
            answer.inputTokens(usage.path("promptTokenCount").asInt());
            answer.outputTokens(usage.path("candidatesTokenCount").asInt());
        }
        return true;
    }

    @Override
    protected String errorMessage(JsonNode body) {
        JsonNode error = body.path("error");
        return error.path("status").asText("") + ": " + error.path("message").asText();
    }
}
