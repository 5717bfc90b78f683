package dev.kelas.lab.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelas.contracts.ErrorCode;
import dev.kelas.contracts.Role;
import dev.kelas.lab.enrollment.LabAssignment;
import dev.kelas.lab.review.FeedbackSettings.Mode;
import dev.kelas.lab.review.FeedbackSettings.Visibility;
import dev.kelas.lab.review.ai.AiProviders;
import dev.kelas.lab.submission.CodeSubmission;
import dev.kelas.lab.submission.SubmissionStatus;
import dev.kelas.lab.submission.TestResult;
import dev.kelas.lab.task.CodingTask;
import dev.kelas.lab.task.TestCase;
import dev.kelas.contracts.events.LabReviewRequested;
import dev.kelas.runtime.outbox.Outbox;
import dev.kelas.runtime.problem.ForbiddenException;
import dev.kelas.runtime.problem.TooManyRequestsException;
import dev.kelas.runtime.ratelimit.Quota;
import dev.kelas.runtime.ratelimit.RateLimiter;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.inject.Instance;
import javax.sql.DataSource;
import dev.kelas.runtime.problem.KelasException;
import dev.kelas.runtime.problem.NotFoundException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The database side of code feedback: what a reviewer needs, storing its review, who may read it, and each task's settings. */
@ApplicationScoped
public class ReviewService {
    private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
    };

    private static final TypeReference<List<Map<String, String>>> ATTEMPTS = new TypeReference<>() {
    };

    private final ObjectMapper json;
    private final Outbox outbox;
    private final ReviewConfig config;
    private final Instance<DataSource> dataSource;
    private final Vertx vertx;
    private volatile RateLimiter requestLimiter;
    private final AiProviders providers;
    private final AiReviewLedger ledger;

    public ReviewService(ObjectMapper json, Outbox outbox, ReviewConfig config, Instance<DataSource> dataSource, Vertx vertx,
                         AiProviders providers, AiReviewLedger ledger) {
        this.providers = providers;
        this.ledger = ledger;
        this.json = json;
        this.outbox = outbox;
        this.config = config;
        this.dataSource = dataSource;
        this.vertx = vertx;
    }

    /**
     * What an accepted review request says.
     *
     * @param submissionId the submission whose review will be written afresh
     * @param remaining    requests the student has left in the window
     */
    public record ReviewRequest(UUID submissionId, long remaining) {
    }

    /**
     * Asks for a fresh review of a graded submission: checks who asks and the submission, draws one request from
     * the student's bucket ({@code kelas.lab.review.requests.*}), then stores {@code kelas.lab.review.requested} in
     * the outbox; a reviewer (durable consumer {@code lab-review-requests}) writes the review as after a verdict.
     *
     * @throws NotFoundException         for anyone but the submission's author and the class's teacher, or no such
     *                                   submission in the caller's school
     * @throws KelasException            409 SUBMISSION_NOT_GRADED while it is not graded; 404 FEEDBACK_OFF when the
     *                                   task's feedback is off
     * @throws TooManyRequestsException 429 REVIEW_RATE_LIMITED past the student's limit, with the seconds to wait;
     *                                   429 AI_DAILY_LIMIT_REACHED for a task in AI mode when the student or the school
     *                                   has had today's AI reviews (nothing is drawn from the student's bucket)
     */
    public Uni<ReviewRequest> requestReview(Caller caller, UUID submissionId) {
        UUID tenantId = caller.tenantId();
        UUID userId = caller.userId();
        return Panache.withSession(() -> CodeSubmission.findInTenant(tenantId, submissionId).chain(submission -> {
            if (submission == null) {
                throw new NotFoundException("submission", submissionId);
            }
            return CodingTask.findInTenant(tenantId, submission.taskId).chain(task -> {
                boolean author = caller.hasRole(Role.STUDENT) && submission.studentId.equals(userId);
                boolean teacher = caller.hasRole(Role.TEACHER) && task.teacherId.equals(userId);
                if (!author && !teacher) {
                    throw new NotFoundException("submission", submissionId);
                }
                if (submission.status != SubmissionStatus.GRADED) {
                    throw new KelasException(409, ErrorCode.SUBMISSION_NOT_GRADED,
                            "The submission is " + submission.status + "; only a graded submission can be reviewed", List.of());
                }
                return FeedbackSettings.findForTask(tenantId, task.id).chain(settings -> {
                    if (settings != null && settings.mode == Mode.OFF) {
                        throw new KelasException(404, ErrorCode.FEEDBACK_OFF, "The teacher turned feedback off for this task", List.of());
                    }
                    if (settings == null || settings.mode != Mode.AI || !providers.configured()) {
                        return Uni.createFrom().item(submission);
                    }
                    return SchoolReviewSettings.aiEnabled(tenantId).chain(schoolAi -> !schoolAi ? Uni.createFrom().item(submission)
                            : ledger.limitReached(tenantId, submission.studentId, config.studentDailyAiLimit(), config.schoolDailyAiLimit())
                            .map(reached -> {
                                if (reached != null) { // a fresh review would be the same offline one: refuse it
                                    throw new TooManyRequestsException(ErrorCode.AI_DAILY_LIMIT_REACHED,
                                            (reached.equals(AiReviewLedger.STUDENT_LIMIT) ? "This student" : "This school")
                                                    + " has had today's AI reviews; the limits start again at midnight UTC",
                                            ledger.secondsToNextDay());
                                }
                                return submission;
                            }));
                });
            });
        })).chain(submission -> drawRequest(tenantId, submission.studentId).chain(quota -> {
            if (!quota.allowed()) {
                throw new TooManyRequestsException(ErrorCode.REVIEW_RATE_LIMITED, "This student asked for " + quota.quota()
                        + " reviews within " + quota.windowSeconds() + " s; try again in " + quota.retryAfterSeconds() + " s",
                        quota.retryAfterSeconds());
            }
            return Panache.withTransaction(() -> outbox.record(tenantId, new LabReviewRequested(submission.id, submission.taskId,
                    submission.studentId, userId, Instant.now()))).map(ignored -> new ReviewRequest(submission.id, quota.remaining()));
        }));
    }

    private Uni<Quota> drawRequest(UUID tenantId, UUID studentId) {
        RateLimiter.Limit limit = new RateLimiter.Limit("review:" + tenantId + ":" + studentId, "review-student",
                config.requests().perStudent(), config.requests().window());
        return vertx.executeBlocking(Uni.createFrom().item(() -> limiter().consume(List.of(limit)).get(0)), false);
    }

    private RateLimiter limiter() {
        RateLimiter limiter = requestLimiter;
        if (limiter == null) {
            synchronized (this) {
                if (requestLimiter == null) {
                    // every draw synced with PostgreSQL: a handful of requests per student, counted exactly across replicas
                    requestLimiter = new RateLimiter(dataSource.get(), 0, java.time.Duration.ZERO, 10_000);
                }
                limiter = requestLimiter;
            }
        }
        return limiter;
    }

    /**
     * Everything a reviewer needs for one graded submission, detached from the database. Holds the hidden tests'
     * verdicts and, for the visible ones only, input and outputs: a hidden test's input and expected output are
     * left out here already, so no reviewer (nor a prompt built from this) can see them.
     *
     * @param tests      the graded tests in order
     * @param cpuSeconds the task's CPU limit per test, seconds
     * @param memoryMib  the task's memory limit, MiB
     * @param schoolAi   whether the school allows AI feedback ({@link SchoolReviewSettings}); false: offline only
     */
    public record ReviewJob(UUID tenantId, UUID submissionId, UUID taskId, UUID studentId, String language, String sourceCode,
                            String compileOutput, List<TestFeedback.GradedTest> tests, int cpuSeconds, int memoryMib,
                            String statement, Mode mode, boolean schoolAi) {
    }

    /**
     * The review job of a graded submission.
     *
     * @return the job, or null when there is nothing to review: no such submission, not GRADED (failed, or regraded
     *         again since), or its task's feedback is OFF
     */
    @WithSession
    public Uni<ReviewJob> startReview(UUID tenantId, UUID submissionId) {
        return CodeSubmission.findInTenant(tenantId, submissionId).chain(submission -> {
            if (submission == null || submission.status != SubmissionStatus.GRADED) {
                return Uni.createFrom().nullItem();
            }
            return CodingTask.findInTenant(tenantId, submission.taskId).chain(task -> FeedbackSettings.findForTask(tenantId, task.id)
                    .chain(settings -> {
                        Mode mode = settings == null ? FeedbackSettings.DEFAULT_MODE : settings.mode;
                        // A WEB page has no program output or static-analysis tools to review: its checks' messages are the feedback.
                        if (mode == Mode.OFF || dev.kelas.lab.grading.WebPageGrader.LANGUAGE.equals(task.language)) {
                            return Uni.createFrom().<ReviewJob>nullItem();
                        }
                        return SchoolReviewSettings.aiEnabled(tenantId).chain(schoolAi -> TestCase.listForTask(task.id)
                                .chain(cases -> TestResult.listForSubmission(submission.id).map(results -> {
                            Map<Integer, TestResult> byOrdinal = results.stream()
                                    .collect(Collectors.toMap(r -> r.ordinal, Function.identity(), (a, b) -> b));
                            List<TestFeedback.GradedTest> tests = cases.stream()
                                    .filter(c -> byOrdinal.containsKey(c.ordinal))
                                    .map(c -> {
                                        TestResult r = byOrdinal.get(c.ordinal);
                                        return c.hidden
                                                ? new TestFeedback.GradedTest(c.ordinal, true, r.verdict, "", "", "")
                                                : new TestFeedback.GradedTest(c.ordinal, false, r.verdict, c.stdin, c.expectedStdout,
                                                        r.stdout == null ? "" : r.stdout);
                                    }).toList();
                            return new ReviewJob(tenantId, submission.id, task.id, submission.studentId, submission.language,
                                    submission.sourceCode, submission.compileOutput, tests, task.cpuSeconds, task.memoryMib,
                                    task.statement, mode, schoolAi);
                        })));
                    }));
        });
    }

    /**
     * Stores a finished review with its AI part, replacing the one of an earlier grading.
     *
     * @param provider   {@code offline} or the AI provider that answered
     * @param wallMillis how long the review took, milliseconds
     */
    @WithTransaction
    public Uni<CodeReview> store(ReviewJob job, String provider, List<Finding> findings, List<String> toolsRun,
                                 List<String> toolsMissing, AiPart ai, int wallMillis) {
        String model = ai.model();
        String feedback = ai.feedback();
        return CodeReview.findForSubmission(job.tenantId(), job.submissionId()).chain(existing -> {
            CodeReview review = existing != null ? existing : new CodeReview();
            review.submissionId = job.submissionId();
            review.tenantId = job.tenantId();
            review.taskId = job.taskId();
            review.studentId = job.studentId();
            review.status = CodeReview.Status.READY;
            review.provider = provider;
            review.model = model;
            review.findings = write(findings);
            review.toolsRun = write(toolsRun);
            review.toolsMissing = write(toolsMissing);
            review.feedback = feedback;
            review.error = null;
            review.wallMillis = wallMillis;
            review.createdAt = Instant.now();
            review.inputTokens = ai.inputTokens();
            review.outputTokens = ai.outputTokens();
            review.cost = ai.cost();
            review.attempts = write(ai.attempts());
            return existing != null ? Uni.createFrom().item(review) : review.<CodeReview>persist();
        });
    }

    /**
     * What an AI provider adds to a review: its text, the model, token counts, the cost estimate and the chain's tries.
     *
     * @param attempts each provider tried, in order (JSON-able records)
     */
    public record AiPart(String feedback, String model, Integer inputTokens, Integer outputTokens, java.math.BigDecimal cost,
                         List<?> attempts) {
    }

    /** Stores that the review of a submission failed on every attempt (the submission's verdict is unaffected). */
    @WithTransaction
    public Uni<Void> storeFailure(UUID tenantId, UUID submissionId, String reason) {
        return CodeSubmission.findInTenant(tenantId, submissionId).chain(submission -> {
            if (submission == null) {
                return Uni.createFrom().voidItem();
            }
            return CodeReview.findForSubmission(tenantId, submissionId).chain(existing -> {
                CodeReview review = existing != null ? existing : new CodeReview();
                review.submissionId = submissionId;
                review.tenantId = tenantId;
                review.taskId = submission.taskId;
                review.studentId = submission.studentId;
                review.status = CodeReview.Status.FAILED;
                review.provider = "offline";
                review.findings = "[]";
                review.toolsRun = "[]";
                review.toolsMissing = "[]";
                review.attempts = "[]";
                review.error = reason;
                review.createdAt = Instant.now();
                return (existing != null ? Uni.createFrom().item(review) : review.<CodeReview>persist()).replaceWithVoid();
            });
        });
    }

    /**
     * A review as its reader sees it.
     *
     * @param findings     the findings
     * @param toolsRun     the tools that ran
     * @param toolsMissing the tools configured but not installed on the grader
     * @param attempts     the AI providers tried, {@code {provider, outcome}}
     */
    public record ReviewView(CodeReview review, List<Finding> findings, List<String> toolsRun, List<String> toolsMissing,
                             List<Map<String, String>> attempts) {
    }

    /**
     * The review of a submission, for its author (within the task's feedback settings), the class's teacher or an
     * administrator.
     *
     * @throws NotFoundException for anyone else, another school's ids, or no such submission
     * @throws KelasException    404 FEEDBACK_OFF when the task's feedback is off (for its student), 403
     *                           FEEDBACK_NOT_YET_VISIBLE before the due time of an AFTER_DUE task (for its student), 404
     *                           FEEDBACK_PENDING while the review is not written yet
     */
    @WithSession
    public Uni<ReviewView> viewReview(Caller caller, UUID submissionId) {
        UUID tenantId = caller.tenantId();
        UUID userId = caller.userId();
        boolean admin = caller.hasRole(Role.ADMIN);
        return CodeSubmission.findInTenant(tenantId, submissionId).chain(submission -> {
            if (submission == null) {
                throw new NotFoundException("submission", submissionId);
            }
            return CodingTask.findInTenant(tenantId, submission.taskId).chain(task -> {
                boolean staff = admin || task.teacherId.equals(userId);
                if (!staff && !submission.studentId.equals(userId)) {
                    throw new NotFoundException("submission", submissionId);
                }
                return FeedbackSettings.findForTask(tenantId, task.id).chain(settings -> LabAssignment.findInTenant(tenantId, task.assignmentId)
                        .chain(assignment -> {
                            Mode mode = settings == null ? FeedbackSettings.DEFAULT_MODE : settings.mode;
                            Visibility visibility = settings == null ? FeedbackSettings.DEFAULT_VISIBILITY : settings.visibility;
                            if (!staff && mode == Mode.OFF) {
                                throw new KelasException(404, ErrorCode.FEEDBACK_OFF, "The teacher turned feedback off for this task", List.of());
                            }
                            Instant dueAt = assignment == null ? null : assignment.dueAt;
                            if (!staff && visibility == Visibility.AFTER_DUE && dueAt != null && Instant.now().isBefore(dueAt)) {
                                throw new KelasException(403, ErrorCode.FEEDBACK_NOT_YET_VISIBLE,
                                        "The teacher shows feedback on this task after its due time, " + dueAt, List.of());
                            }
                            return CodeReview.findForSubmission(tenantId, submissionId).map(review -> {
                                if (review == null) {
                                    throw new KelasException(404, ErrorCode.FEEDBACK_PENDING,
                                            "The feedback on this submission is not written yet; it follows the verdict", List.of());
                                }
                                return new ReviewView(review, read(review.findings, FINDINGS), read(review.toolsRun, NAMES),
                                        read(review.toolsMissing, NAMES), read(review.attempts, ATTEMPTS));
                            });
                        }));
            });
        });
    }

    /**
     * A task's feedback settings (the defaults when the teacher chose none).
     *
     * @param settings the stored row, or null for the defaults
     */
    public record SettingsView(UUID taskId, Mode mode, Visibility visibility, FeedbackSettings settings) {
    }

    /**
     * A task's feedback settings, for the class's teacher or an administrator.
     *
     * @throws NotFoundException  if the task is not in the caller's school
     * @throws ForbiddenException for anyone else
     */
    @WithSession
    public Uni<SettingsView> settings(Caller caller, UUID taskId) {
        return teachersTask(caller, taskId).chain(task -> FeedbackSettings.findForTask(caller.tenantId(), taskId).map(settings -> view(taskId, settings)));
    }

    /**
     * Sets a task's feedback settings; a null field keeps its current value.
     *
     * @throws NotFoundException  if the task is not in the caller's school
     * @throws ForbiddenException for anyone but the class's teacher or an administrator
     */
    @WithTransaction
    public Uni<SettingsView> updateSettings(Caller caller, UUID taskId, Mode mode, Visibility visibility) {
        return teachersTask(caller, taskId).chain(task -> FeedbackSettings.findForTask(caller.tenantId(), taskId).chain(existing -> {
            FeedbackSettings settings = existing != null ? existing : new FeedbackSettings();
            settings.taskId = taskId;
            settings.tenantId = caller.tenantId();
            settings.mode = mode != null ? mode : existing != null ? existing.mode : FeedbackSettings.DEFAULT_MODE;
            settings.visibility = visibility != null ? visibility : existing != null ? existing.visibility : FeedbackSettings.DEFAULT_VISIBILITY;
            settings.updatedBy = caller.userId();
            settings.updatedAt = Instant.now();
            return (existing != null ? Uni.createFrom().item(settings) : settings.<FeedbackSettings>persist()).map(saved -> view(taskId, saved));
        }));
    }

    /**
     * A school's feedback settings, for its teachers and administrators.
     *
     * @return the school's row, or null when it has the default (AI allowed)
     * @throws NotFoundException for another school's id
     */
    @WithSession
    public Uni<SchoolReviewSettings> schoolSettings(Caller caller, UUID schoolId) {
        if (!caller.tenantId().equals(schoolId)) {
            throw new NotFoundException("school", schoolId);
        }
        return SchoolReviewSettings.findForSchool(schoolId);
    }

    /**
     * Turns AI feedback on or off for the caller's school (an administrator's; the resource checks the role).
     *
     * @throws NotFoundException for another school's id
     */
    @WithTransaction
    public Uni<SchoolReviewSettings> updateSchoolSettings(Caller caller, UUID schoolId, boolean aiEnabled) {
        if (!caller.tenantId().equals(schoolId)) {
            throw new NotFoundException("school", schoolId);
        }
        return SchoolReviewSettings.findForSchool(schoolId).chain(existing -> {
            SchoolReviewSettings settings = existing != null ? existing : new SchoolReviewSettings();
            settings.tenantId = schoolId;
            settings.aiEnabled = aiEnabled;
            settings.updatedBy = caller.userId();
            settings.updatedAt = Instant.now();
            return existing != null ? Uni.createFrom().item(settings) : settings.<SchoolReviewSettings>persist();
        });
    }

    private static SettingsView view(UUID taskId, FeedbackSettings settings) {
        return settings == null ? new SettingsView(taskId, FeedbackSettings.DEFAULT_MODE, FeedbackSettings.DEFAULT_VISIBILITY, null)
                : new SettingsView(taskId, settings.mode, settings.visibility, settings);
    }

    private static Uni<CodingTask> teachersTask(Caller caller, UUID taskId) {
        return CodingTask.findInTenant(caller.tenantId(), taskId).map(task -> {
            if (task == null) {
                throw new NotFoundException("task", taskId);
            }
            if (!caller.hasRole(Role.ADMIN) && !task.teacherId.equals(caller.userId())) {
                throw new ForbiddenException("Only the class's teacher or an administrator sets a task's feedback");
            }
            return task;
        });
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text == null ? "[]" : text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
