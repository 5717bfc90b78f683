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
    private final LabConfig.Web web;
    private final WebPageGrader webGrader;

    public Grader(Sandbox sandbox, LabConfig config, MeterRegistry metrics) {
        this.web = config.web();
        this.webGrader = new WebPageGrader(sandbox, web.nodePath(), web.chromiumPath());
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
        if (WebPageGrader.LANGUAGE.equals(job.language())) {
            return gradeWeb(job, progress);
        }
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

    /**
     * Grades a WEB submission: its files load in headless chromium in one sandbox run, and each test of the
     * task is a JavaScript check (its {@code stdin}) with the task's wall-clock limit as its timeout and the
     * task's memory as the page's V8 heap. The run gets the task's CPU and wall-clock limits once per check,
     * plus {@code kelas.lab.web.browser-cpu-seconds} and {@code browser-wall-seconds} for the browser.
     * Checks are told to {@code progress} in order once the browser has finished. When the task validates HTML,
     * the Nu Html Checker reads the HTML files first, in this thread.
     *
     * @throws GraderUnavailableException if the WEB lab is off here or chromium or node is not installed
     */
    private SubmissionRunner.Result gradeWeb(GradingJob job, SubmissionRunner.Progress progress) throws IOException, InterruptedException {
        if (!web.enabled()) {
            throw new GraderUnavailableException("The WEB lab is off on this grader");
        }
        for (String program : List.of(web.chromiumPath(), web.nodePath())) {
            if (!java.nio.file.Files.isExecutable(java.nio.file.Path.of(program))) {
                throw new GraderUnavailableException(program + " is not installed on this grader");
            }
        }
        java.util.Map<String, String> files = WebFiles.parse(job.sourceCode());
        List<GradingJob.Test> tests = job.tests();
        List<WebPageGrader.WebCheck> checks = tests.stream()
                .map(t -> new WebPageGrader.WebCheck("check " + t.ordinal(), t.stdin())).toList();
        SandboxLimits task = job.limits();
        int checkCount = Math.max(1, tests.size());
        SandboxLimits runLimits = new SandboxLimits(task.cpuSeconds() * checkCount + web.browserCpuSeconds(),
                task.wallSeconds() * (checkCount + 1) + web.browserWallSeconds(), task.memoryMib(), task.outputKib(),
                task.maxProcesses(), task.fileSizeKib(), task.tmpfsMib());
        java.util.Map<String, GradingJob.Test> byName = new java.util.HashMap<>();
        tests.forEach(t -> byName.put("check " + t.ordinal(), t));
        int slot = slots.take();
        try {
            metrics.timer("kelas_lab_queue_seconds").record(Duration.between(job.submittedAt(), Instant.now()));
            Timer.Sample sample = Timer.start(metrics);
            List<HtmlValidator.HtmlMessage> htmlMessages = job.validateHtml() ? HtmlValidator.validate(files) : null;
            List<TestOutcome> outcomes = new java.util.ArrayList<>();
            WebPageGrader.WebGrading grading = webGrader.grade(files, checks, runLimits, (int) Math.round(task.wallSeconds() * 1000),
                    task.memoryMib(), slot, outcome -> {
                        GradingJob.Test test = byName.get(outcome.name());
                        String message = outcome.message() == null ? "" : outcome.message();
                        TestOutcome judged = new TestOutcome(test.ordinal(), outcome.verdict(),
                                outcome.verdict() == Verdict.ACCEPTED ? test.points() : java.math.BigDecimal.ZERO,
                                outcome.millis(), message.length() > 1024 ? message.substring(0, 1024) : message);
                        outcomes.add(judged);
                        progress.testFinished(test, judged);
                    });
            sample.stop(metrics.timer("kelas_lab_run_seconds", "language", job.language()));
            Verdict verdict = Judge.overall(outcomes.stream().map(TestOutcome::verdict).toList());
            Counter.builder("kelas_lab_verdicts_total").tag("language", job.language()).tag("verdict", verdict.name())
                    .register(metrics).increment();
            return new SubmissionRunner.Result(outcomes, null, grading.screenshotPng(), htmlMessages);
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
