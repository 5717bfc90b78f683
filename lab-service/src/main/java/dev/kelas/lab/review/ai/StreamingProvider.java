package dev.kelas.lab.review.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelas.lab.review.ReviewConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * What every streaming provider shares: one {@code POST} of a JSON body with {@code Accept: text/event-stream}
 * through {@link SseHttpCall} under the provider's deadline, the answer gathered piece by piece (text, the model
 * that answered, token counts), and a stream without text treated as a failure. A subclass keeps only its wire
 * format: the endpoint, the key header, the body, how one event reads and how an error body reads. A thin client
 * over the JDK HTTP client: see {@link AiProviders} for why not the vendors' SDKs.
 */
abstract class StreamingProvider implements AiProvider {
    protected final String name;
    protected final String model;
    protected final String apiKey;
    protected final int maxOutputTokens;
    protected final ObjectMapper json;
    private final URI endpoint;
    private final Duration timeout;
    private final HttpClient client;

    /**
     * @param settings the provider's {@code kelas.lab.review.providers[n]}
     * @param endpoint the URL the call goes to (the subclass builds it from the base URL)
     */
    StreamingProvider(ReviewConfig.Provider settings, URI endpoint, HttpClient client, ObjectMapper json) {
        this.name = settings.name();
        this.model = settings.model();
        this.apiKey = settings.apiKey().filter(key -> !key.isBlank()).orElse(null);
        this.maxOutputTokens = settings.maxOutputTokens();
        this.timeout = settings.timeout();
        this.endpoint = endpoint;
        this.client = client;
        this.json = json;
    }

    /** The base URL without trailing slashes. */
    static String base(ReviewConfig.Provider settings) {
        return settings.baseUrl().replaceAll("/+$", "");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String model() {
        return model;
    }

    /** The request body of {@code prompt} in the provider's format. */
    protected abstract ObjectNode body(Prompt prompt);

    /** Adds the provider's key (and version) headers; the key may be null for a local server. */
    protected abstract void authenticate(HttpRequest.Builder request);

    /**
     * Reads one server-sent event into {@code answer}.
     *
     * @param event the event's name ({@code message} when it has none)
     * @param data  its data lines, joined
     * @return false at the end of the answer (stop reading)
     * @throws ProviderException for an error in the stream or an event that is not what the format says
     */
    protected abstract boolean onEvent(String event, String data, Answer answer) throws ProviderException;

    /** The provider's message from an error body (its own error JSON), short. */
    protected abstract String errorMessage(JsonNode body);

    @Override
    public final Completion stream(Prompt prompt, Consumer<String> onDelta) throws ProviderException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body(prompt).toString()));
        authenticate(request);
        Answer answer = new Answer(model, onDelta);
        SseHttpCall.stream(client, request.build(), timeout, this::readError, (event, data) -> onEvent(event, data, answer));
        if (answer.text.isEmpty()) {
            throw new ProviderException(0, "the stream ended without text");
        }
        return new Completion(answer.text.toString(), answer.model, answer.inputTokens, answer.outputTokens);
    }

    /** Parses one event's data as JSON. */
    protected final JsonNode parse(String data) throws ProviderException {
        try {
            return json.readTree(data);
        } catch (Exception e) {
            throw new ProviderException(0, "an event that is not JSON");
        }
    }

    private String readError(String body) {
        try {
            return SseHttpCall.cut(errorMessage(json.readTree(body)));
        } catch (Exception e) {
            return SseHttpCall.cut(body);
        }
    }

    /** The answer as it arrives: its text (each piece passed on at once), the answering model, token counts. */
    protected static final class Answer {
        private final StringBuilder text = new StringBuilder();
        private final Consumer<String> onDelta;
        private String model;
        private int inputTokens;
        private int outputTokens;

        private Answer(String model, Consumer<String> onDelta) {
            this.model = model;
            this.onDelta = onDelta;
        }

        /** Appends a piece of text and streams it on; an empty piece is dropped. */
        void append(String piece) {
            if (piece != null && !piece.isEmpty()) {
                text.append(piece);
                onDelta.accept(piece);
            }
        }

        /** The model the provider says answered (kept when blank). */
        void model(String answered) {
            if (answered != null && !answered.isBlank()) {
                model = answered;
            }
        }

        /** Prompt tokens counted. */
        void inputTokens(int tokens) {
            inputTokens = tokens;
        }

        /** Answer tokens counted. */
        void outputTokens(int tokens) {
            outputTokens = tokens;
        }
    }
}
