package dev.kelas.lab.review;

import dev.kelas.lab.config.LabConfig;
import dev.kelas.lab.sandbox.Sandbox;
import dev.kelas.lab.sandbox.SandboxLimits;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The offline reviewer, Kelas's default and the last of every provider chain: deterministic and free. Runs the
 * language's static-analysis tools in the sandbox ({@link StaticAnalyzer}) and adds what the tests show
 * ({@link TestFeedback}). Holds its own sandbox slots, after the graders' and the run lane's, and records
 * {@code kelas_lab_review_seconds{language}}.
 */
@ApplicationScoped
public class OfflineReviewer {
    /** The provider name a review by this reviewer carries. */
    public static final String PROVIDER = "offline";

    private final StaticAnalyzer analyzer;
    private final LabConfig lab;
    private final BlockingQueue<Integer> slots;
    private final MeterRegistry metrics;

    public OfflineReviewer(Sandbox sandbox, LabConfig lab, ReviewConfig config, MeterRegistry metrics) {
        this.lab = lab;
        this.metrics = metrics;
        LabConfig.Compile compile = lab.compile();
        this.analyzer = new StaticAnalyzer(sandbox, new SandboxLimits(compile.cpuSeconds(), compile.wallSeconds(), compile.memoryMib(),
                256, compile.maxProcesses(), compile.fileSizeKib(), lab.sandbox().tmpfsMib()), config.tools(), config.maxFindingsPerTool());
        int first = lab.grader().concurrency() + lab.run().concurrency();
        this.slots = new ArrayBlockingQueue<>(config.concurrency());
        for (int slot = first; slot < first + config.concurrency(); slot++) {
            slots.add(slot);
        }
    }

    /**
     * An offline review.
     *
     * @param findings     what the tests show first, then each tool's findings
     * @param toolsRun     the tools that ran
     * @param toolsMissing the language's tools not installed here
     * @param wallMillis   how long it took, milliseconds
     */
    public record Review(List<Finding> findings, List<String> toolsRun, List<String> toolsMissing, int wallMillis) {
    }

    /**
     * Reviews one graded submission. Blocking: call it on a worker thread; it waits for a free review slot.
     *
     * @throws IOException if the sandbox cannot be set up (the review is retried)
     */
    public Review review(ReviewService.ReviewJob job) throws IOException, InterruptedException {
        long started = System.nanoTime();
        List<Finding> findings = new ArrayList<>(TestFeedback.of(job.tests(), job.compileOutput(), job.cpuSeconds(), job.memoryMib()));
        LabConfig.Language language = lab.languages().get(job.language());
        StaticAnalyzer.Analysis analysis = new StaticAnalyzer.Analysis(List.of(), List.of(), List.of());
        if (language != null) {
            int slot = slots.take();
            try {
                analysis = analyzer.analyze(job.language(), language.sourceFile(), job.sourceCode(), slot);
            } finally {
                slots.add(slot);
            }
        }
        findings.addAll(analysis.findings());
        long nanos = System.nanoTime() - started;
        Timer.builder("kelas_lab_review_seconds").tag("language", job.language()).register(metrics)
                .record(java.time.Duration.ofNanos(nanos));
        return new Review(findings, analysis.toolsRun(), analysis.toolsMissing(), (int) (nanos / 1_000_000));
    }
}
