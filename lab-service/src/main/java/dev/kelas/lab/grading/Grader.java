package dev.kelas.lab.grading;

import dev.kelas.contracts.Verdict;
import dev.kelas.lab.config.LabConfig;
import dev.kelas.lab.sandbox.Sandbox;
import dev.kelas.lab.sandbox.SandboxLimits;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.stream.Collectors;

/**
 * The grader of this process: holds the sandbox slots (one uid each, at most
 * {@code kelas.lab.grader.concurrency} runs at once), runs a submission through the
 * {@link SubmissionRunner} and records the metrics {@code kelas_lab_queue_seconds} (submitted to
 * started), {@code kelas_lab_run_seconds{language}} and {@code kelas_lab_verdicts_total{language,verdict}}.
 */
@ApplicationScoped
public class Grader {
    private final SubmissionRunner runner;
    private final Map<String, LanguageSpec> languages;
    private final BlockingQueue<Integer> slots;
    private final MeterRegistry metrics;

    public Grader(Sandbox sandbox, LabConfig config, MeterRegistry metrics) {
        LabConfig.Compile compile = config.compile();
        this.runner = new SubmissionRunner(sandbox, new SandboxLimits(compile.cpuSeconds(), compile.wallSeconds(),
                compile.memoryMib(), 64, compile.maxProcesses(), compile.fileSizeKib(), config.sandbox().tmpfsMib()));
        this.languages = config.languages().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> new LanguageSpec(e.getValue().sourceFile(), e.getValue().compile().orElse(List.of()), e.getValue().run(),
                        e.getValue().readOnlyBinds().orElse(List.of()), e.getValue().memoryOverheadMib(),
                        e.getValue().processOverhead())));
        this.metrics = metrics;
        int concurrency = config.grader().concurrency();
        this.slots = new ArrayBlockingQueue<>(concurrency);
        for (int slot = 0; slot < concurrency; slot++) {
            slots.add(slot);
        }
    }

    /**
     * Compiles and runs every test of the job. Blocking: call it on a grader worker thread.
     *
     * @throws GraderUnavailableException if this grader cannot run the language (retried, maybe elsewhere)
     * @throws IOException                if the sandbox cannot be set up (retried)
     */
    public SubmissionRunner.Result grade(GradingJob job) throws IOException, InterruptedException {
        return grade(job, SubmissionRunner.Progress.NONE);
    }

    /**
     * Compiles and runs every test of the job, telling {@code progress} of each test as it finishes.
     * Blocking: call it on a grader worker thread.
     *
     * @throws GraderUnavailableException if this grader cannot run the language (retried, maybe elsewhere)
     * @throws IOException                if the sandbox cannot be set up (retried)
     */
    public SubmissionRunner.Result grade(GradingJob job, SubmissionRunner.Progress progress) throws IOException, InterruptedException {
        LanguageSpec language = languages.get(job.language());
        if (language == null) {
            throw new GraderUnavailableException("Language " + job.language() + " is not configured on this grader");
        }
        String program = (language.compile().isEmpty() ? language.run() : language.compile()).get(0);
        if (program.startsWith("/") && !java.nio.file.Files.isExecutable(java.nio.file.Path.of(program))) {
            throw new GraderUnavailableException(program + " is not installed on this grader");
        }
        int slot = slots.take();
        try {
            metrics.timer("kelas_lab_queue_seconds").record(Duration.between(job.submittedAt(), Instant.now()));
            Timer.Sample sample = Timer.start(metrics);
            SubmissionRunner.Result result = runner.run(job, language, slot, progress);
            sample.stop(metrics.timer("kelas_lab_run_seconds", "language", job.language()));
            Verdict verdict = Judge.overall(result.tests().stream().map(TestOutcome::verdict).toList());
            Counter.builder("kelas_lab_verdicts_total").tag("language", job.language()).tag("verdict", verdict.name())
                    .register(metrics).increment();
            return result;
        } finally {
            slots.add(slot);
        }
    }

    /** A grader that lacks what a submission needs; another grader may have it. */
    public static class GraderUnavailableException extends IllegalStateException {
        public GraderUnavailableException(String message) {
            super(message);
        }
    }
}
