package dev.kelas.lab.grading;

import dev.kelas.contracts.Verdict;
import dev.kelas.lab.config.LabConfig;
import dev.kelas.lab.sandbox.Sandbox;
import dev.kelas.lab.sandbox.SandboxResult;
import dev.kelas.lab.sandbox.SandboxRun;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Runs a submission's tests one after another in the sandbox and judges each. Each concurrent run
 * holds one sandbox slot (its own uid), so at most {@code kelas.lab.grader.concurrency} run at once.
 */
@ApplicationScoped
public class Grader {
    private static final int STDOUT_EXCERPT_CHARS = 1024;

    private final Sandbox sandbox;
    private final LabConfig config;
    private final BlockingQueue<Integer> slots;

    public Grader(Sandbox sandbox, LabConfig config) {
        this.sandbox = sandbox;
        this.config = config;
        int concurrency = config.grader().concurrency();
        this.slots = new ArrayBlockingQueue<>(concurrency);
        for (int slot = 0; slot < concurrency; slot++) {
            slots.add(slot);
        }
    }

    /**
     * Runs every test of the job. Blocking: call it on a grader worker thread.
     *
     * @return one outcome per test, in test order
     * @throws IOException          if the sandbox cannot be set up (an internal error: the job is retried)
     * @throws IllegalStateException if the job's language is not configured
     */
    public List<TestOutcome> grade(GradingJob job) throws IOException, InterruptedException {
        LabConfig.Language language = config.languages().get(job.language());
        if (language == null) {
            throw new IllegalStateException("Language " + job.language() + " is not configured on this grader");
        }
        int slot = slots.take();
        try {
            List<TestOutcome> outcomes = new ArrayList<>(job.tests().size());
            for (GradingJob.Test test : job.tests()) {
                SandboxRun run = new SandboxRun(Map.of(language.sourceFile(), job.sourceCode()), language.run(),
                        test.stdin(), job.limits());
                SandboxResult result = sandbox.run(run, slot);
                Verdict verdict = Judge.judge(result, test.expectedStdout());
                String stdout = result.stdout();
                outcomes.add(new TestOutcome(test.ordinal(), verdict,
                        verdict == Verdict.ACCEPTED ? test.points() : BigDecimal.ZERO, (int) result.wallMillis(),
                        stdout.length() > STDOUT_EXCERPT_CHARS ? stdout.substring(0, STDOUT_EXCERPT_CHARS) : stdout));
            }
            return outcomes;
        } finally {
            slots.add(slot);
        }
    }
}
