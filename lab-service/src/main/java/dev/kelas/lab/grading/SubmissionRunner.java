package dev.kelas.lab.grading;

import dev.kelas.contracts.Verdict;
import dev.kelas.lab.sandbox.Sandbox;
import dev.kelas.lab.sandbox.SandboxLimits;
import dev.kelas.lab.sandbox.SandboxResult;
import dev.kelas.lab.sandbox.SandboxRun;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges one submission in one sandbox work directory: compile once (if the language compiles),
 * then run every test with the task's limits and check its output. Plain Java, so tests can use it
 * without the service.
 */
public final class SubmissionRunner {
    /** Compiler messages kept for the student, characters. */
    public static final int COMPILE_OUTPUT_CHARS = 4000;
    private static final int STDOUT_EXCERPT_CHARS = 1024;
    private static final SandboxLimits CHECKER_LIMITS = new SandboxLimits(5, 10, 512, 64, 16, 1024, 16);
    private static final List<String> CHECKER_COMMAND = List.of("/usr/bin/python3", "checker.py", "input.txt", "output.txt", "expected.txt");

    private final Sandbox sandbox;
    private final SandboxLimits compileLimits;

    /** @param compileLimits limits of a compile step (CPU, wall, memory, output for messages, processes, file size) */
    public SubmissionRunner(Sandbox sandbox, SandboxLimits compileLimits) {
        this.sandbox = sandbox;
        this.compileLimits = compileLimits;
    }

    /**
     * What grading found.
     *
     * @param tests         one outcome per test, in test order
     * @param compileOutput the compiler's messages (truncated) when compilation failed, else null
     * @param screenshotPng a WEB submission's rendered page (PNG), else null
     * @param htmlMessages  a WEB submission's HTML checker messages when its task validates HTML, else null
     */
    public record Result(List<TestOutcome> tests, String compileOutput, byte[] screenshotPng,
                         List<HtmlValidator.HtmlMessage> htmlMessages) {

        /** A program's result, without a screenshot. */
        public Result(List<TestOutcome> tests, String compileOutput) {
            this(tests, compileOutput, null, null);
        }
    }

    /** Told of each test as soon as it is judged, on the grading thread, in test order. */
    @FunctionalInterface
    public interface Progress {
        /** Nothing to tell. */
        Progress NONE = (test, outcome) -> { };

        /**
         * One test finished; must return quickly and not throw (grading waits for it).
         *
         * @param test    the test that ran
         * @param outcome its verdict, points and wall time (ms)
         */
        void testFinished(GradingJob.Test test, TestOutcome outcome);
    }

    /**
     * Compiles and runs a submission. Blocking.
     *
     * @param slot the sandbox slot (uid) this run holds
     * @throws IOException if the sandbox cannot be set up (an internal error: the job is retried)
     */
    public Result run(GradingJob job, LanguageSpec language, int slot) throws IOException, InterruptedException {
        return run(job, language, slot, Progress.NONE);
    }

    /**
     * Compiles and runs a submission, telling {@code progress} of each test that ran (not of the tests a
     * compilation error fails at once). Blocking.
     *
     * @param slot the sandbox slot (uid) this run holds
     * @throws IOException if the sandbox cannot be set up (an internal error: the job is retried)
     */
    public Result run(GradingJob job, LanguageSpec language, int slot, Progress progress) throws IOException, InterruptedException {
        try (Sandbox.Workspace workspace = sandbox.open(slot)) {
            workspace.write(language.sourceFile(), job.sourceCode());
            Optional<CompileFailure> failed = compile(workspace, language, compileLimits);
            if (failed.isPresent()) {
                return new Result(job.tests().stream().map(t -> new TestOutcome(t.ordinal(), Verdict.COMPILATION_ERROR,
                        BigDecimal.ZERO, 0, "")).toList(), failed.get().messages());
            }
            SandboxLimits limits = job.limits();
            SandboxLimits runLimits = new SandboxLimits(limits.cpuSeconds(), limits.wallSeconds(),
                    limits.memoryMib() + language.memoryOverheadMib(), limits.outputKib(),
                    limits.maxProcesses() + language.processOverhead(), limits.fileSizeKib(), limits.tmpfsMib());
            List<String> command = LanguageSpec.expand(language.run(), limits.memoryMib());
            List<TestOutcome> outcomes = new ArrayList<>(job.tests().size());
            for (GradingJob.Test test : job.tests()) {
                SandboxResult result = workspace.execute(new SandboxRun(Map.of(), command, test.stdin(), runLimits,
                        language.readOnlyBinds(), false));
                Verdict verdict = Judge.judge(result, test.expectedStdout(), test.checker(), test.tolerance());
                if (verdict == Verdict.ACCEPTED && test.checker() == Checker.PROGRAM) {
                    verdict = runChecker(workspace, job.checkerSource(), test, result.stdout());
                }
                TestOutcome outcome = new TestOutcome(test.ordinal(), verdict, verdict == Verdict.ACCEPTED ? test.points() : BigDecimal.ZERO,
                        (int) result.wallMillis(), truncate(result.stdout(), STDOUT_EXCERPT_CHARS));
                outcomes.add(outcome);
                progress.testFinished(test, outcome);
            }
            return new Result(outcomes, null);
        }
    }

    private static Verdict runChecker(Sandbox.Workspace workspace, String checkerSource, GradingJob.Test test, String output)
            throws IOException, InterruptedException {
        Map<String, String> files = Map.of("checker.py", checkerSource == null ? "" : checkerSource,
                "input.txt", test.stdin(), "output.txt", output, "expected.txt", test.expectedStdout());
        try {
            SandboxResult checked = workspace.execute(new SandboxRun(files, CHECKER_COMMAND, "", CHECKER_LIMITS));
            return switch (checked.exitCode()) {
                case 0 -> Verdict.ACCEPTED;
                case 1 -> Verdict.WRONG_ANSWER;
                default -> Verdict.INTERNAL_ERROR; // the teacher's checker itself failed
            };
        } finally {
            for (String name : files.keySet()) {
                workspace.delete(name); // the next test's program must not see this test's expected output
            }
        }
    }

    /**
     * A compile step that failed.
     *
     * @param exitCode   the compiler's exit status
     * @param messages   its messages (standard error, then output), at most {@value #COMPILE_OUTPUT_CHARS} characters,
     *                   or a line saying it took longer than the compile limit
     * @param wallMillis how long it ran, in milliseconds
     */
    public record CompileFailure(int exitCode, String messages, long wallMillis) {
    }

    /**
     * Compiles the workspace's source file when the language compiles, in the sandbox with {@code compileLimits}
     * (the graders and the run lane share this step). Blocking.
     *
     * @return the failure, or empty when it compiled or the language needs no compiling
     */
    public static Optional<CompileFailure> compile(Sandbox.Workspace workspace, LanguageSpec language, SandboxLimits compileLimits)
            throws IOException, InterruptedException {
        if (language.compile().isEmpty()) {
            return Optional.empty();
        }
        SandboxResult compiled = workspace.execute(new SandboxRun(Map.of(),
                LanguageSpec.expand(language.compile(), compileLimits.memoryMib()), "", compileLimits,
                language.readOnlyBinds(), true));
        if (compiled.exitCode() == 0) {
            return Optional.empty();
        }
        String messages = (compiled.stderr() + compiled.stdout()).strip();
        if (compiled.wallTimeExceeded() || compiled.cpuTimeExceeded()) {
            messages = "Compilation took longer than " + compileLimits.wallSeconds() + " s";
        }
        return Optional.of(new CompileFailure(compiled.exitCode(), truncate(messages, COMPILE_OUTPUT_CHARS), compiled.wallMillis()));
    }

    private static String truncate(String text, int chars) {
        return text.length() > chars ? text.substring(0, chars) : text;
    }
}
