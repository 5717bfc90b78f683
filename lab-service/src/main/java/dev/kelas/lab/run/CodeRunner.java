package dev.kelas.lab.run;

import dev.kelas.contracts.Verdict;
import dev.kelas.lab.config.LabConfig;
import dev.kelas.lab.grading.Judge;
import dev.kelas.lab.grading.LanguageSpec;
import dev.kelas.lab.grading.SubmissionRunner;
import dev.kelas.lab.sandbox.Sandbox;
import dev.kelas.lab.sandbox.SandboxLimits;
import dev.kelas.lab.sandbox.SandboxResult;
import dev.kelas.lab.sandbox.SandboxRun;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Runs code in the grading sandbox with the task's limits, ungraded: compile (if the language compiles),
 * then one run on the caller's standard input. Holds the run lane's own sandbox slots
 * ({@code kelas.lab.run.concurrency} of them, numbered after the grader's so no uid is shared with a
 * grading), and wraps the program in GNU time to report its peak resident memory (KiB). Records
 * {@code kelas_lab_run_lane_seconds{language}}.
 */
@ApplicationScoped
public class CodeRunner {
    /** The line GNU time appends to standard error: this marker and the peak resident set size, KiB. */
    static final String MEMORY_MARKER = "::kelas-max-rss-kib=";

    private final Sandbox sandbox;
    private final LabConfig config;
    private final MeterRegistry metrics;
    private final SandboxLimits compileLimits;
    private final BlockingQueue<Integer> slots;

    public CodeRunner(Sandbox sandbox, LabConfig config, MeterRegistry metrics) {
        this.sandbox = sandbox;
        this.config = config;
        this.metrics = metrics;
        LabConfig.Compile compile = config.compile();
        this.compileLimits = new SandboxLimits(compile.cpuSeconds(), compile.wallSeconds(), compile.memoryMib(), 64,
                compile.maxProcesses(), compile.fileSizeKib(), config.sandbox().tmpfsMib());
        int first = config.grader().concurrency();
        int concurrency = config.run().concurrency();
        this.slots = new ArrayBlockingQueue<>(concurrency);
        for (int slot = first; slot < first + concurrency; slot++) {
            slots.add(slot);
        }
    }

    /**
     * Compiles and runs the job's code on its standard input. Blocking: call it on a runner thread; it
     * waits for a free run slot.
     *
     * @throws IllegalStateException if this process cannot run the language (retried, maybe elsewhere)
     * @throws IOException           if the sandbox cannot be set up (retried)
     */
    public RunOutcome run(RunJob job) throws IOException, InterruptedException {
        LabConfig.Language configured = config.languages().get(job.language());
        if (configured == null) {
            throw new IllegalStateException("Language " + job.language() + " is not configured in this process");
        }
        LanguageSpec language = new LanguageSpec(configured.sourceFile(), configured.compile().orElse(List.of()),
                configured.run(), configured.readOnlyBinds().orElse(List.of()), configured.memoryOverheadMib(),
                configured.processOverhead());
        int slot = slots.take();
        try {
            Timer.Sample sample = Timer.start(metrics);
            RunOutcome outcome = runIn(slot, job, language);
            sample.stop(metrics.timer("kelas_lab_run_lane_seconds", "language", job.language()));
            return outcome;
        } finally {
            slots.add(slot);
        }
    }

    private RunOutcome runIn(int slot, RunJob job, LanguageSpec language) throws IOException, InterruptedException {
        try (Sandbox.Workspace workspace = sandbox.open(slot)) {
            workspace.write(language.sourceFile(), job.sourceCode());
            Optional<SubmissionRunner.CompileFailure> failed = SubmissionRunner.compile(workspace, language, compileLimits);
            if (failed.isPresent()) {
                return new RunOutcome(Verdict.COMPILATION_ERROR, failed.get().exitCode(), "", failed.get().messages(),
                        failed.get().wallMillis(), null);
            }
            SandboxLimits limits = job.limits();
            boolean measured = Files.isExecutable(Path.of(config.run().timePath()));
            SandboxLimits runLimits = new SandboxLimits(limits.cpuSeconds(), limits.wallSeconds(),
                    limits.memoryMib() + language.memoryOverheadMib(), limits.outputKib(),
                    limits.maxProcesses() + language.processOverhead() + (measured ? 1 : 0), limits.fileSizeKib(),
                    limits.tmpfsMib());
            List<String> command = new ArrayList<>();
            if (measured) {
                // -q: no "Command exited with non-zero status" line; the exit status passes through unchanged.
                command.addAll(List.of(config.run().timePath(), "-q", "-f", "\\n" + MEMORY_MARKER + "%M"));
            }
            command.addAll(LanguageSpec.expand(language.run(), limits.memoryMib()));
            SandboxResult result = workspace.execute(new SandboxRun(Map.of(), command, job.stdin(), runLimits,
                    language.readOnlyBinds(), false));
            Verdict verdict = Judge.judge(result, result.stdout());
            return outcomeOf(result, verdict == Verdict.ACCEPTED ? null : verdict);
        }
    }

    /** Splits GNU time's memory line off standard error. */
    static RunOutcome outcomeOf(SandboxResult result, Verdict verdict) {
        String stderr = result.stderr();
        Integer memoryKib = null;
        int at = stderr.lastIndexOf("\n" + MEMORY_MARKER);
        if (at >= 0) {
            String figure = stderr.substring(at + 1 + MEMORY_MARKER.length()).strip();
            try {
                memoryKib = Integer.parseInt(figure);
                stderr = stderr.substring(0, at);
            } catch (NumberFormatException notOurs) {
                // the program wrote something that looks like the marker: leave its stderr as it is
            }
        }
        return new RunOutcome(verdict, result.exitCode(), result.stdout(), stderr, result.wallMillis(), memoryKib);
    }
}
