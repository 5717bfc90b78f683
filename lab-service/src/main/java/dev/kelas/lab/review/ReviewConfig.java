package dev.kelas.lab.review;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Feedback on code, {@code kelas.lab.review.*}: the reviewers take {@code kelas.lab.submission.graded} from their
 * own durable consumer {@code lab-reviews} and their own sandbox slots (after the graders' and the run lane's), so
 * a review never holds up a grading. Each tool runs in the sandbox with the compile step's limits
 * ({@code kelas.lab.compile.*}).
 */
@ConfigMapping(prefix = "kelas.lab.review")
public interface ReviewConfig {
    /** Whether this process reviews graded submissions (a process that grades usually reviews too). */
    @WithDefault("true")
    boolean enabled();

    /** Reviews run at once in this process, each in its own sandbox slot. */
    @WithDefault("1")
    int concurrency();

    /** Attempts per review before it is stored FAILED. */
    @WithDefault("2")
    int maxDeliver();

    /** How long JetStream waits for a reviewer's ack before handing the review to another process. */
    @WithDefault("PT60S")
    Duration ackWait();

    /**
     * Most findings kept per tool, so a program with a thousand style slips still gets a readable review; the
     * review says how many more there were.
     */
    @WithDefault("50")
    int maxFindingsPerTool();

    /**
     * The AI providers, in the order they are tried for a task whose feedback mode is AI; the offline reviewer is
     * always the last. None configured (the default): AI tasks get the offline review.
     */
    java.util.Optional<List<Provider>> providers();

    /** AI reviews one student may get per day (UTC); beyond it their submissions get the offline review. */
    @WithDefault("20")
    int studentDailyAiLimit();

    /** AI reviews one school may get per day (UTC); beyond it every submission gets the offline review. */
    @WithDefault("1000")
    int schoolDailyAiLimit();

    /** On-demand reviews ({@code POST /api/v1/lab/submissions/{id}/review}): how many one student may ask for. */
    Requests requests();

    /**
     * The per-student limit of on-demand reviews: a token bucket per student in PostgreSQL (kelas-runtime's
     * Bucket4j {@code RateLimiter}, the one the general rate limits and the run lane's {@code run} group use), so
     * every replica shares the count; whoever asks (the student or the class's teacher) draws on the student's.
     */
    interface Requests {
        /** Reviews one student may ask for per window. */
        @WithDefault("5")
        int perStudent();

        /** The window the quota refills over (greedily: one request's worth every window/quota). */
        @WithDefault("PT1H")
        Duration window();
    }

    /** The circuit breaker each provider has (SmallRye Fault Tolerance): a provider that keeps failing is skipped for a while. */
    CircuitBreaker circuitBreaker();

    /** One AI provider. */
    interface Provider {
        /** Its name in reviews and metrics, e.g. {@code openai} or {@code local-ollama}. */
        String name();

        /** Its wire format: {@code openai} (Chat Completions, also Ollama and vLLM), {@code anthropic} (Messages) or {@code gemini} (Google Gemini {@code streamGenerateContent}). */
        String kind();

        /** Its API base, e.g. {@code https://api.openai.com/v1}, {@code https://api.anthropic.com}, {@code https://generativelanguage.googleapis.com}, {@code http://127.0.0.1:11434/v1}. */
        String baseUrl();

        /** The model to ask for. */
        String model();

        /** Its API key (a secret: from the environment or a Kubernetes Secret; never logged, never returned). */
        java.util.Optional<String> apiKey();

        /** The deadline of one call, from sending to the last streamed token. */
        @WithDefault("PT30S")
        Duration timeout();

        /** Most tokens the answer may have (the provider's {@code max_tokens}). */
        @WithDefault("600")
        int maxOutputTokens();

        /** Price per million input tokens, for the stored cost estimate (the school's currency; 0: not estimated). */
        @WithDefault("0")
        java.math.BigDecimal inputPricePerMillion();

        /** Price per million output tokens. */
        @WithDefault("0")
        java.math.BigDecimal outputPricePerMillion();
    }

    /** A provider's circuit breaker. */
    interface CircuitBreaker {
        /** Calls in the rolling window that decides whether the circuit opens. */
        @WithDefault("4")
        int requestVolumeThreshold();

        /** Share of failed calls in the window (0..1) that opens it. */
        @WithDefault("0.5")
        double failureRatio();

        /** How long an open circuit stays open before one trial call. */
        @WithDefault("PT60S")
        Duration delay();
    }

    /** The static-analysis tools, by name (e.g. {@code pyflakes}); each runs for its one language. */
    Map<String, Tool> tools();

    /** One static-analysis tool. */
    interface Tool {
        /** The key of {@code kelas.lab.languages} whose submissions it checks, e.g. {@code python}. */
        String language();

        /** How its report is read: {@code pyflakes}, {@code pycodestyle}, {@code gcc-json}, {@code cppcheck}, {@code javac}, {@code node-check}. */
        String format();

        /** Its command line, run in the submission's work directory (which holds the source under the language's file name). */
        List<String> command();

        /** Host paths it needs, bound read-only (e.g. {@code /etc/java-17-openjdk} for javac). */
        Optional<List<String>> readOnlyBinds();
    }
}
