package dev.kelas.lab.review.ai;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelas.lab.review.ReviewConfig;
import io.smallrye.faulttolerance.api.TypedGuard;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

/**
 * The chain of AI providers from {@code kelas.lab.review.providers[n]}, each behind its own circuit breaker
 * (SmallRye Fault Tolerance's programmatic {@link TypedGuard}): {@link #stream} tries them in order and returns the
 * first answer; a provider that fails (an error status such as 429 or 500, an error event, its timeout) or whose
 * circuit is open is passed over, and when all are, the caller falls back to the offline reviewer.
 *
 * <p>The providers are thin clients over the JDK HTTP client rather than the vendors' Java SDKs (their shared
 * plumbing in {@link StreamingProvider}, each keeping only its wire format): the OpenAI, Anthropic and Google GenAI
 * SDKs all resolve from Maven Central, but each brings its own HTTP client and Jackson line (OpenAI's and
 * Anthropic's also OkHttp and Kotlin's standard library) into a Quarkus application that already has an HTTP client and Jackson, and what Kelas needs of them
 * is one streaming call each (about a hundred lines); the OpenAI-compatible client also serves Ollama and vLLM,
 * which an SDK bound to one vendor's base URL and model names serves less well.
 */
@ApplicationScoped
public class AiProviders {
    private static final Logger LOG = Logger.getLogger(AiProviders.class);

    private final List<Guarded> chain = new ArrayList<>();

    public AiProviders(ReviewConfig config, ObjectMapper json) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
        ReviewConfig.CircuitBreaker breaker = config.circuitBreaker();
        for (ReviewConfig.Provider provider : config.providers().orElse(List.of())) {
            AiProvider client0 = switch (provider.kind()) {
                case "openai" -> new OpenAiChatProvider(provider, client, json);
                case "anthropic" -> new AnthropicMessagesProvider(provider, client, json);
                case "gemini" -> new GeminiProvider(provider, client, json);
                default -> throw new IllegalArgumentException("kelas.lab.review.providers: kind " + provider.kind()
                        + " of " + provider.name() + " is not openai, anthropic or gemini");
            };
            TypedGuard<Completion> guard = TypedGuard.create(Completion.class)
                    .withCircuitBreaker()
                    .requestVolumeThreshold(breaker.requestVolumeThreshold())
                    .failureRatio(breaker.failureRatio())
                    .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                    .name("kelas-ai-" + provider.name())
                    .done()
                    .build();
            chain.add(new Guarded(client0, guard, provider.inputPricePerMillion(), provider.outputPricePerMillion()));
        }
    }

    private record Guarded(AiProvider provider, TypedGuard<Completion> guard, BigDecimal inputPrice, BigDecimal outputPrice) {
    }

    /**
     * One provider's try.
     *
     * @param provider its name
     * @param outcome  {@code ok}, {@code circuit-open}, or the failure (e.g. {@code HTTP 429: ...}, {@code no answer within 30 s})
     */
    public record Attempt(String provider, String outcome) {
    }

    /**
     * The chain's answer.
     *
     * @param completion the answer, or null when every provider failed or was skipped
     * @param provider   the provider that answered, or null
     * @param cost       the estimated cost from the provider's prices, or null when it has none
     * @param attempts   every provider tried, in order
     */
    public record Result(Completion completion, String provider, BigDecimal cost, List<Attempt> attempts) {
    }

    /** Whether any provider is configured. */
    public boolean configured() {
        return !chain.isEmpty();
    }

    /** Told that a provider starts answering afresh (the text of one that failed mid-stream is void). */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param provider the provider whose text follows
         * @param delta    a piece of its text, or null when it starts (before its first piece)
         */
        void on(String provider, String delta);
    }

    /**
     * Tries the providers in order, streaming the answering one's text to {@code listener}. Blocking.
     *
     * @return the first answer, or a result without one (the caller falls back to the offline reviewer)
     */
    public Result stream(Prompt prompt, Listener listener) {
        List<Attempt> attempts = new ArrayList<>();
        for (Guarded guarded : chain) {
            String name = guarded.provider().name();
            try {
                listener.on(name, null);
                Consumer<String> deltas = delta -> listener.on(name, delta);
                Completion completion = guarded.guard().call(() -> guarded.provider().stream(prompt, deltas));
                attempts.add(new Attempt(name, "ok"));
                return new Result(completion, name, cost(guarded, completion), attempts);
            } catch (CircuitBreakerOpenException e) {
                attempts.add(new Attempt(name, "circuit-open"));
            } catch (ProviderException e) {
                attempts.add(new Attempt(name, e.getMessage()));
                LOG.infof("AI provider %s failed, trying the next: %s", name, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                attempts.add(new Attempt(name, "interrupted"));
                break;
            } catch (Exception e) {
                attempts.add(new Attempt(name, e.getClass().getSimpleName()));
                LOG.warnf("AI provider %s failed unexpectedly: %s", name, e.getClass().getName());
            }
        }
        return new Result(null, null, null, attempts);
    }

    private static BigDecimal cost(Guarded guarded, Completion completion) {
        if (guarded.inputPrice().signum() == 0 && guarded.outputPrice().signum() == 0) {
            return null;
        }
        return guarded.inputPrice().multiply(BigDecimal.valueOf(completion.inputTokens()))
                .add(guarded.outputPrice().multiply(BigDecimal.valueOf(completion.outputTokens())))
                .divide(BigDecimal.valueOf(1_000_000), 6, RoundingMode.HALF_UP);
    }
}
