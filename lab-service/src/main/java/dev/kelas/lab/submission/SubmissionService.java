package dev.kelas.lab.submission;

import dev.kelas.lab.task.TaskService;
import dev.kelas.contracts.Role;
import dev.kelas.contracts.events.LabSubmissionCreated;
import dev.kelas.lab.config.LabConfig;
import dev.kelas.lab.task.CodingTask;
import dev.kelas.lab.enrollment.LabAssignment;
import dev.kelas.lab.enrollment.LabEnrollment;
import dev.kelas.lab.task.TestCase;
import dev.kelas.lab.grading.WebFiles;
import dev.kelas.lab.grading.WebPageGrader;
import dev.kelas.runtime.outbox.Outbox;
import dev.kelas.runtime.problem.ForbiddenException;
import dev.kelas.runtime.problem.NotFoundException;
import dev.kelas.runtime.problem.ValidationException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Students' code submissions: storing them for the graders, and showing their results. */
@ApplicationScoped
public class SubmissionService {
    private final LabConfig config;
    private final Outbox outbox;

    public SubmissionService(LabConfig config, Outbox outbox) {
        this.config = config;
        this.outbox = outbox;
    }

    /** A submission with its task's tests and its results (empty until graded). */
    public record SubmissionView(CodeSubmission submission, List<TestCase> tests, List<TestResult> results) {
    }

    /**
     * Stores a student's program as QUEUED and, in the same transaction, queues
     * {@code kelas.lab.submission.created} for the graders.
     *
     * @throws NotFoundException   if the task is not in the caller's school
     * @throws ForbiddenException  if the student is not enrolled in the task's class
     * @throws ValidationException if the language is not the task's, the source is missing or too large, or a WEB
     *                             submission's files are not acceptable ({@link WebPageGrader#invalidFiles})
     * @throws AttemptsExhaustedException if the CODING assignment's {@code maxAttempts} submissions are made
     */
    @WithTransaction
    public Uni<CodeSubmission> submitCode(Caller caller, UUID taskId, String language, String sourceCode) {
        return submitCode(caller, taskId, language, sourceCode, null);
    }

    /**
     * Stores a submission as {@link #submitCode(Caller, UUID, String, String)} does; a WEB task's files are
     * kept as one JSON object (file name to content) in the submission's source, which the graders read back
     * with {@link WebFiles#parse}.
     *
     * @param files for a WEB task, its files; ignored otherwise
     */
    @WithTransaction
    public Uni<CodeSubmission> submitCode(Caller caller, UUID taskId, String language, String sourceCode,
                                          java.util.Map<String, String> files) {
        UUID tenantId = caller.tenantId();
        UUID studentId = caller.userId();
        return CodingTask.findInTenant(tenantId, taskId).chain(task -> {
            if (task == null) {
                throw new NotFoundException("task", taskId);
            }
            if (!task.language.equals(language)) {
                throw new ValidationException("language", "This task takes " + task.language);
            }
            String source = sourceOf(task, sourceCode, files);
            if (task.archivedAt != null) {
                throw new NotFoundException("task", taskId);
            }
            // The enrollment row is locked so that two submissions of one student count attempts one after the other.
            return LabEnrollment.lockForSubmission(tenantId, task.classId, studentId).chain(enrollment -> {
                if (enrollment == null) {
                    throw new ForbiddenException("You are not enrolled in this task's class");
                }
                return LabAssignment.findInTenant(tenantId, task.assignmentId).chain(assignment -> assignment == null
                        || assignment.maxAttempts == null
                        ? Uni.createFrom().voidItem()
                        : CodeSubmission.countHistory(taskId, studentId).invoke(used -> {
                            if (used >= assignment.maxAttempts) {
                                throw new AttemptsExhaustedException(assignment.maxAttempts);
                            }
                        }).replaceWithVoid());
            }).chain(() -> {
                CodeSubmission submission = new CodeSubmission();
                submission.id = UUID.randomUUID();
                submission.tenantId = tenantId;
                submission.taskId = taskId;
                submission.studentId = studentId;
                submission.language = language;
                submission.sourceCode = source;
                submission.status = SubmissionStatus.QUEUED;
                submission.createdAt = Instant.now();
                submission.queuedAt = submission.createdAt;
                return submission.<CodeSubmission>persist()
                        .call(() -> outbox.record(tenantId, new LabSubmissionCreated(submission.id, taskId, studentId, language, submission.createdAt)));
            });
        });
    }

    /** The source to store: the program within the task's size limit, or a WEB task's valid files as JSON. */
    private String sourceOf(CodingTask task, String sourceCode, java.util.Map<String, String> files) {
        if (WebPageGrader.LANGUAGE.equals(task.language)) {
            String problem = WebPageGrader.invalidFiles(files);
            if (problem != null) {
                throw new ValidationException("files", problem);
            }
            return WebFiles.format(files);
        }
        if (sourceCode == null) {
            throw new ValidationException("sourceCode", "must not be null");
        }
        int limitKib = task.maxSourceKib != null ? task.maxSourceKib : config.maxSourceKib();
        if (sourceCode.getBytes(StandardCharsets.UTF_8).length > limitKib * 1024) {
            throw new ValidationException("sourceCode", "The source is larger than " + limitKib + " KiB");
        }
        return sourceCode;
    }

    /** A regrade as it was queued: its row and how many submissions went back to the graders. */
    public record QueuedRegrade(Regrade regrade, int queued) {
    }

    /**
     * Sends every submission of a task back to the graders through the same path as a new one
     * (a {@code kelas.lab.submission.created} event each); their new verdicts reach the gradebook. The
     * regrade is stored with each submission's score and verdict before it (a submission still waiting for an
     * earlier regrade keeps that regrade's "before"), so {@link #regradeSummary} can compare them.
     *
     * @return the stored regrade and how many were queued
     * @throws NotFoundException  if the task is not in the caller's school
     * @throws ForbiddenException if the caller is neither the class's teacher nor an administrator
     */
    @WithTransaction
    public Uni<QueuedRegrade> regradeTask(Caller caller, UUID taskId) {
        return TaskService.managedTask(caller, taskId).chain(task -> CodeSubmission.<CodeSubmission>list("taskId", task.id)
                .chain(submissions -> {
                    Regrade regrade = new Regrade();
                    regrade.id = UUID.randomUUID();
                    regrade.tenantId = task.tenantId;
                    regrade.taskId = task.id;
                    regrade.requestedBy = caller.userId();
                    regrade.requestedAt = Instant.now();
                    regrade.submissionCount = submissions.size();
                    return regrade.persist().chain(() -> Multi.createFrom().iterable(submissions).onItem()
                            .transformToUniAndConcatenate(submission -> requeue(regrade, submission))
                            .collect().asList()).replaceWith(() -> new QueuedRegrade(regrade, submissions.size()));
                }));
    }

    private Uni<Void> requeue(Regrade regrade, CodeSubmission submission) {
        boolean judged = submission.status == SubmissionStatus.GRADED || submission.status == SubmissionStatus.FAILED;
        Uni<RegradeSubmission> earlier = judged || submission.regradeId == null ? Uni.createFrom().nullItem()
                : RegradeSubmission.find(submission.regradeId, submission.id);
        return earlier.chain(pending -> {
            RegradeSubmission row = new RegradeSubmission();
            row.id = UUID.randomUUID();
            row.tenantId = submission.tenantId;
            row.regradeId = regrade.id;
            row.submissionId = submission.id;
            row.studentId = submission.studentId;
            row.previousVerdict = judged ? submission.verdict : pending != null ? pending.previousVerdict : null;
            row.previousScore = judged ? submission.score : pending != null ? pending.previousScore : null;
            submission.status = SubmissionStatus.QUEUED;
            submission.verdict = null;
            submission.score = null;
            submission.compileOutput = null;
            submission.error = null;
            submission.queuedAt = Instant.now();
            submission.regradeId = regrade.id;
            return row.persist().chain(() -> outbox.record(submission.tenantId, new LabSubmissionCreated(submission.id,
                    submission.taskId, submission.studentId, submission.language, submission.queuedAt)));
        }).replaceWithVoid();
    }

    /** A regrade with its submissions and, per submission, whether the graders still hold it. */
    public record RegradeView(Regrade regrade, List<RegradeSubmission> submissions, java.util.Set<UUID> requeuedSince) {
    }

    /**
     * A regrade of a task as its teacher sees it: every submission's score and verdict before and after.
     * {@code requeuedSince} holds the submissions a later regrade sent back before this one graded them.
     *
     * @throws NotFoundException  if the task is not in the caller's school, or the regrade is not the task's
     * @throws ForbiddenException if the caller is neither the class's teacher nor an administrator
     */
    @WithSession
    public Uni<RegradeView> regradeSummary(Caller caller, UUID taskId, UUID regradeId) {
        return TaskService.managedTask(caller, taskId).chain(task -> Regrade.findInTenant(caller.tenantId(), regradeId))
                .chain(regrade -> {
                    if (regrade == null || !regrade.taskId.equals(taskId)) {
                        throw new NotFoundException("regrade", regradeId);
                    }
                    return RegradeSubmission.listForRegrade(regrade.id).chain(rows -> CodeSubmission
                            .<CodeSubmission>list("taskId = ?1 and regradeId <> ?2", taskId, regrade.id)
                            .map(others -> {
                                java.util.Set<UUID> moved = new java.util.HashSet<>();
                                others.forEach(s -> moved.add(s.id));
                                return new RegradeView(regrade, rows, moved);
                            }));
                });
    }

    /** One page of a task's submission history with the total. */
    public record HistoryPage(List<SubmissionView> items, long total) {
    }

    /**
     * A task's submissions, newest first: a student sees their own, the class's teacher and
     * administrators everyone's (or one student's with {@code studentId}).
     *
     * @throws NotFoundException  if the task is not in the caller's school
     * @throws ForbiddenException for another teacher
     */
    @WithSession
    public Uni<HistoryPage> submissionHistory(Caller caller, UUID taskId, UUID studentId, int page, int size) {
        UUID tenantId = caller.tenantId();
        UUID userId = caller.userId();
        boolean student = caller.hasRole(Role.STUDENT);
        boolean admin = caller.hasRole(Role.ADMIN);
        return CodingTask.findInTenant(tenantId, taskId).chain(task -> {
            if (task == null) {
                throw new NotFoundException("task", taskId);
            }
            if (!student && !admin && !task.teacherId.equals(userId)) {
                throw new ForbiddenException("Only the class's teacher or an administrator sees everyone's submissions");
            }
            UUID of = student ? userId : studentId;
            return TestCase.listForTask(task.id).chain(tests -> CodeSubmission.history(task.id, of, page, size)
                    .chain(submissions -> Multi.createFrom().iterable(submissions)
                            .onItem().transformToUniAndConcatenate(s -> TestResult.listForSubmission(s.id)
                                    .map(results -> new SubmissionView(s, tests, results)))
                            .collect().asList())
                    .chain(views -> CodeSubmission.countHistory(task.id, of).map(total -> new HistoryPage(views, total))));
        });
    }

    /**
     * A submission as its author, the class's teacher or an administrator sees it.
     *
     * @throws NotFoundException for anyone else, and for another school's ids
     */
    @WithSession
    public Uni<SubmissionView> viewSubmission(Caller caller, UUID submissionId) {
        UUID tenantId = caller.tenantId();
        UUID userId = caller.userId();
        boolean admin = caller.hasRole(Role.ADMIN);
        return CodeSubmission.findInTenant(tenantId, submissionId).chain(submission -> {
            if (submission == null) {
                throw new NotFoundException("submission", submissionId);
            }
            return CodingTask.findInTenant(tenantId, submission.taskId).chain(task -> {
                if (!admin && !submission.studentId.equals(userId) && !task.teacherId.equals(userId)) {
                    throw new NotFoundException("submission", submissionId);
                }
                return TestCase.listForTask(task.id).chain(tests -> TestResult.listForSubmission(submissionId)
                        .map(results -> new SubmissionView(submission, tests, results)));
            });
        });
    }

    /**
     * The PNG screenshot a WEB submission's grading took, for its author, the class's teacher or an administrator.
     *
     * @throws NotFoundException for anyone else, for another school's ids, and while there is none (not a WEB
     *                           submission, not graded yet, or the page never rendered)
     */
    @WithSession
    public Uni<byte[]> viewScreenshot(Caller caller, UUID submissionId) {
        return viewSubmission(caller, submissionId)
                .chain(view -> SubmissionScreenshot.findInTenant(caller.tenantId(), submissionId))
                .map(shot -> {
                    if (shot == null) {
                        throw new NotFoundException("screenshot", submissionId);
                    }
                    return shot.png;
                });
    }
}
