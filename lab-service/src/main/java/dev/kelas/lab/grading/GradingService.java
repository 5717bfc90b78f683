package dev.kelas.lab.grading;

import dev.kelas.contracts.Verdict;
import dev.kelas.contracts.events.SubmissionGraded;
import dev.kelas.lab.config.LabConfig;
import dev.kelas.lab.submission.CodeSubmission;
import dev.kelas.lab.task.CodingTask;
import dev.kelas.lab.submission.SubmissionStatus;
import dev.kelas.lab.task.TestCase;
import dev.kelas.lab.submission.TestResult;
import dev.kelas.lab.submission.RegradeSubmission;
import dev.kelas.lab.submission.SubmissionScreenshot;
import dev.kelas.lab.sandbox.SandboxLimits;
import dev.kelas.runtime.inbox.Inbox;
import dev.kelas.runtime.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The database side of grading: claiming a submission, storing its verdict, giving up on it. */
@ApplicationScoped
public class GradingService {
    private final LabConfig config;
    private final Inbox inbox;
    private final Outbox outbox;

    public GradingService(LabConfig config, Inbox inbox, Outbox outbox) {
        this.config = config;
        this.inbox = inbox;
        this.outbox = outbox;
    }

    /**
     * Marks a queued submission RUNNING and returns what the grader needs.
     *
     * @return the job, or null when the submission is already GRADED or FAILED (a redelivery)
     * @throws IllegalStateException if the submission does not exist in the tenant
     */
    @WithTransaction
    public Uni<GradingJob> startGrading(UUID tenantId, UUID submissionId) {
        return CodeSubmission.findInTenant(tenantId, submissionId).chain(submission -> {
            if (submission == null) {
                throw new IllegalStateException("No submission " + submissionId + " in tenant " + tenantId);
            }
            if (submission.status == SubmissionStatus.GRADED || submission.status == SubmissionStatus.FAILED) {
                return Uni.createFrom().nullItem();
            }
            submission.status = SubmissionStatus.RUNNING;
            submission.startedAt = Instant.now();
            // The tests of this run are recorded as they finish (recordTestResult): a regrade, or a run after a
            // grader died mid-way, starts from none.
            return TestResult.delete("submissionId", submission.id).chain(() -> CodingTask.findInTenant(tenantId, submission.taskId).chain(task -> TestCase.listForTask(task.id)
                    .map(tests -> new GradingJob(tenantId, submission.id, task.id, task.assignmentId, task.classId,
                            submission.studentId, submission.language, submission.sourceCode,
                            new SandboxLimits(task.cpuSeconds, task.wallSeconds.doubleValue(), task.memoryMib,
                                    task.outputKib, task.maxProcesses, config.sandbox().fileSizeKib(), config.sandbox().tmpfsMib()),
                            tests.stream().map(t -> new GradingJob.Test(t.ordinal, t.stdin, t.expectedStdout, t.checker,
                                    t.tolerance, t.points, t.hidden)).toList(), task.checkerSource, submission.queuedAt, task.validateHtml))));
        });
    }

    /**
     * Records one finished test of a submission being graded, so that a student who opens the submission
     * mid-grading sees the tests finished so far; replaces an earlier result of the same test. Does nothing
     * unless the submission is RUNNING. {@link #finishGrading} later replaces all of them at once.
     *
     * @return whether the result was recorded
     */
    @WithTransaction
    public Uni<Boolean> recordTestResult(UUID tenantId, UUID submissionId, TestOutcome outcome) {
        return CodeSubmission.findInTenant(tenantId, submissionId).chain(submission -> {
            if (submission == null || submission.status != SubmissionStatus.RUNNING) {
                return Uni.createFrom().item(false);
            }
            return TestResult.delete("submissionId = ?1 and ordinal = ?2", submission.id, outcome.ordinal())
                    .chain(() -> testResult(submission.id, outcome).persist())
                    .replaceWith(true);
        });
    }

    private static TestResult testResult(UUID submissionId, TestOutcome outcome) {
        TestResult result = new TestResult();
        result.id = UUID.randomUUID();
        result.submissionId = submissionId;
        result.ordinal = outcome.ordinal();
        result.verdict = outcome.verdict();
        result.points = outcome.points();
        result.wallMillis = outcome.wallMillis();
        result.stdout = outcome.stdoutExcerpt().replace("\u0000", "");
        return result;
    }

    /**
     * Stores the verdict, once per event, and in the same transaction queues
     * {@code kelas.lab.submission.graded}. The submission's verdict is the first failing test's
     * (see {@link Judge#overall}); its score is the sum of the points of accepted tests. A WEB submission's
     * screenshot replaces the one of its previous grading.
     */
    @WithTransaction
    public Uni<Void> finishGrading(String consumer, UUID eventId, GradingJob job, SubmissionRunner.Result graded) {
        List<TestOutcome> outcomes = graded.tests();
        return inbox.once(consumer, eventId, () -> CodeSubmission.findInTenant(job.tenantId(), job.submissionId()).chain(submission -> {
                    List<Verdict> verdicts = outcomes.stream().map(TestOutcome::verdict).toList();
                    BigDecimal score = outcomes.stream().map(TestOutcome::points).reduce(BigDecimal.ZERO, BigDecimal::add);
                    BigDecimal maxScore = job.tests().stream().map(GradingJob.Test::points).reduce(BigDecimal.ZERO, BigDecimal::add);
                    submission.status = SubmissionStatus.GRADED;
                    submission.verdict = Judge.overall(verdicts);
                    submission.score = score;
                    submission.maxScore = maxScore;
                    submission.gradedAt = Instant.now();
                    submission.compileOutput = graded.compileOutput();
                    submission.htmlMessages = graded.htmlMessages() == null ? null : WebFiles.formatMessages(graded.htmlMessages());
                    submission.error = null;
                    List<TestResult> results = outcomes.stream().map(outcome -> testResult(submission.id, outcome)).toList();
                    // A regrade replaces the results of the grading before it (and these the ones recorded test by
                    // test while it ran), and notes the new score in its trail.
                    Uni<RegradeSubmission> trail = submission.regradeId == null ? Uni.createFrom().nullItem()
                            : RegradeSubmission.find(submission.regradeId, submission.id)
                                    .invoke(row -> {
                                        if (row != null) {
                                            row.graded(submission.verdict, score, submission.gradedAt);
                                        }
                                    });
                    Uni<Void> screenshot = WebPageGrader.LANGUAGE.equals(job.language())
                            ? SubmissionScreenshot.replace(job.tenantId(), submission.id, graded.screenshotPng(), submission.gradedAt)
                            : Uni.createFrom().voidItem();
                    return TestResult.delete("submissionId", submission.id)
                            .chain(() -> TestResult.persist(results))
                            .chain(() -> screenshot)
                            .chain(() -> trail)
                            .chain(row -> outbox.record(job.tenantId(), new SubmissionGraded(submission.id, job.taskId(), job.assignmentId(), job.classId(),
                                            job.studentId(), submission.verdict, score, maxScore, verdicts, submission.gradedAt,
                                            submission.createdAt, submission.regradeId,
                                            row == null ? null : row.previousScore, row == null ? null : row.previousVerdict)))
                            .replaceWithVoid();
                }));
    }

    /**
     * Ends a submission that could not be graded as FAILED with verdict INTERNAL_ERROR (and notes that in
     * its regrade's trail, if a regrade queued it).
     */
    @WithTransaction
    public Uni<Void> failGrading(UUID tenantId, UUID submissionId, String reason) {
        return CodeSubmission.findInTenant(tenantId, submissionId).chain(submission -> {
            if (submission == null || submission.status == SubmissionStatus.GRADED) {
                return Uni.createFrom().voidItem();
            }
            submission.status = SubmissionStatus.FAILED;
            submission.verdict = Verdict.INTERNAL_ERROR;
            submission.error = reason;
            submission.gradedAt = Instant.now();
            return submission.regradeId == null ? Uni.createFrom().voidItem()
                    : RegradeSubmission.find(submission.regradeId, submission.id)
                            .invoke(row -> {
                                if (row != null) {
                                    row.graded(Verdict.INTERNAL_ERROR, null, submission.gradedAt);
                                }
                            }).replaceWithVoid();
        });
    }
}
