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
