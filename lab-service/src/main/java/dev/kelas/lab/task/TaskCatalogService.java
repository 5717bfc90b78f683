package dev.kelas.lab.task;

import dev.kelas.contracts.Role;
import dev.kelas.contracts.Verdict;
import dev.kelas.lab.enrollment.LabAssignment;
import dev.kelas.lab.enrollment.LabEnrollment;
import dev.kelas.lab.submission.CodeSubmission;
import dev.kelas.lab.submission.SubmissionStatus;
import dev.kelas.runtime.problem.ForbiddenException;
import dev.kelas.runtime.problem.NotFoundException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** What students and teachers read of a class's coding tasks: the list with each student's progress, and one task. */
@ApplicationScoped
public class TaskCatalogService {

    /** How far a student got with a task. */
    public enum ProgressStatus {
        /** No submission yet. */
        NOT_STARTED,
        /** A submission is queued or being graded. */
        GRADING,
        /** Some submission passed every test. */
        ACCEPTED,
        /** Submitted, graded, nothing accepted yet. */
        ATTEMPTED
    }

    /**
     * One student's progress on one task.
     *
     * @param bestScore    the highest score of their graded submissions, or null before any is graded
     * @param attemptsLeft null when the assignment has no {@code maxAttempts}
     */
    public record Progress(BigDecimal bestScore, int attemptsUsed, Integer attemptsLeft, ProgressStatus status) {
    }

    /**
     * A task as listed or read.
     *
     * @param maxAttempts the CODING assignment's limit, or null for none
     * @param progress    the calling student's progress; null for teachers and administrators
     */
    public record TaskView(CodingTask task, List<TestCase> tests, Integer maxAttempts, Progress progress) {
    }

    /**
     * A class's tasks: a student enrolled in the class sees the tasks that are not archived (the lab only
     * knows published assignments) with their own progress; the class's teacher and administrators see all,
     * archived ones included.
     *
     * @throws ForbiddenException for a student not enrolled in the class, or another class's teacher
     */
    @WithSession
    public Uni<List<TaskView>> listClassTasks(Caller caller, UUID classId) {
        UUID tenantId = caller.tenantId();
        UUID userId = caller.userId();
        boolean student = caller.hasRole(Role.STUDENT);
        boolean admin = caller.hasRole(Role.ADMIN);
        Uni<Boolean> allowed = student ? LabEnrollment.exists(tenantId, classId, userId) : Uni.createFrom().item(true);
        return allowed.chain(ok -> {
            if (!ok) {
                throw new ForbiddenException("You are not enrolled in this class");
            }
            return CodingTask.listForClass(tenantId, classId, !student);
        }).chain(tasks -> {
            if (!student && !admin && tasks.stream().anyMatch(t -> !t.teacherId.equals(userId))) {
                throw new ForbiddenException("Only the class's teacher or an administrator sees its tasks this way");
            }
            if (tasks.isEmpty()) {
                return Uni.createFrom().item(List.<TaskView>of());
            }
            List<UUID> taskIds = tasks.stream().map(t -> t.id).toList();
            List<UUID> assignmentIds = tasks.stream().map(t -> t.assignmentId).distinct().toList();
            // One session runs one query at a time: these run one after the other.
            return TestCase.<TestCase>list("taskId in ?1 order by ordinal", taskIds).chain(tests -> LabAssignment
                    .<LabAssignment>list("tenantId = ?1 and assignmentId in ?2", tenantId, assignmentIds).chain(assignments -> (student
                            ? attemptsByTask(tenantId, userId, taskIds)
                            : Uni.createFrom().item(Map.<UUID, Attempts>of())).map(attempts -> {
                Map<UUID, List<TestCase>> testsByTask = tests.stream().collect(Collectors.groupingBy(c -> c.taskId));
                Map<UUID, Integer> limits = assignments.stream().filter(a -> a.maxAttempts != null)
                        .collect(Collectors.toMap(a -> a.assignmentId, a -> a.maxAttempts));
                return tasks.stream().map(task -> {
                    Integer max = limits.get(task.assignmentId);
                    return new TaskView(task, testsByTask.getOrDefault(task.id, List.of()), max,
                            student ? attempts.getOrDefault(task.id, Attempts.NONE).progress(max) : null);
                }).toList();
            })));
        });
    }

    /**
     * One task: to an enrolled student if it is not archived (with their progress), to its class's teacher
     * and administrators always.
     *
     * @throws NotFoundException  for anyone else, an archived task for a student, and another school's ids
     * @throws ForbiddenException for another class's teacher
     */
    @WithSession
    public Uni<TaskView> viewTask(Caller caller, UUID taskId) {
        UUID tenantId = caller.tenantId();
        UUID userId = caller.userId();
        boolean student = caller.hasRole(Role.STUDENT);
        Uni<CodingTask> visible = student
                ? CodingTask.findInTenant(tenantId, taskId).chain(task -> task == null || task.archivedAt != null
                        ? Uni.createFrom().<CodingTask>nullItem()
                        : LabEnrollment.exists(tenantId, task.classId, userId).map(enrolled -> enrolled ? task : null))
                : TaskService.managedTask(caller, taskId);
        return visible.chain(task -> {
            if (task == null) {
                throw new NotFoundException("task", taskId);
            }
            Uni<List<CodeSubmission>> mine = student
                    ? CodeSubmission.list("tenantId = ?1 and studentId = ?2 and taskId = ?3", tenantId, userId, task.id)
                    : Uni.createFrom().item(List.of());
            return TestCase.listForTask(task.id).chain(tests -> LabAssignment.findInTenant(tenantId, task.assignmentId)
                    .chain(assignment -> mine.map(submissions -> {
                        Integer max = assignment == null ? null : assignment.maxAttempts;
                        return new TaskView(task, tests, max, student ? progress(submissions, max) : null);
                    })));
        });
    }

    /**
     * A student's submissions of one task, summed up.
     *
     * @param used     how many they submitted
     * @param best     the best score, or null before one was graded
     * @param accepted how many were ACCEPTED
     * @param pending  how many are QUEUED or RUNNING
     */
    record Attempts(long used, BigDecimal best, long accepted, long pending) {
        static final Attempts NONE = new Attempts(0, null, 0, 0);

        /** The progress against the assignment's {@code maxAttempts} (null: unlimited). */
        Progress progress(Integer maxAttempts) {
            int attempts = (int) used;
            Integer left = maxAttempts == null ? null : Math.max(0, maxAttempts - attempts);
            ProgressStatus status = used == 0 ? ProgressStatus.NOT_STARTED
                    : accepted > 0 ? ProgressStatus.ACCEPTED
                    : pending > 0 ? ProgressStatus.GRADING
                    : ProgressStatus.ATTEMPTED;
            return new Progress(best, attempts, left, status);
        }
    }

    /** The student's progress from their submissions of one task. */
    static Progress progress(List<CodeSubmission> submissions, Integer maxAttempts) {
        BigDecimal best = submissions.stream().map(s -> s.score).filter(java.util.Objects::nonNull)
                .max(BigDecimal::compareTo).orElse(null);
        long accepted = submissions.stream().filter(s -> s.verdict == Verdict.ACCEPTED).count();
        long pending = submissions.stream().filter(s -> s.status == SubmissionStatus.QUEUED || s.status == SubmissionStatus.RUNNING).count();
        return new Attempts(submissions.size(), best, accepted, pending).progress(maxAttempts);
    }

    /**
     * A student's submissions of each of the tasks, summed up in the database (one grouped query: a class's list
     * never loads the submissions' source code).
     */
    private static Uni<Map<UUID, Attempts>> attemptsByTask(UUID tenantId, UUID studentId, List<UUID> taskIds) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                        "select s.taskId, count(s), max(s.score),"
                                + " sum(case when s.verdict = :accepted then 1 else 0 end),"
                                + " sum(case when s.status in (:pending) then 1 else 0 end)"
                                + " from CodeSubmission s where s.tenantId = :tenant and s.studentId = :student and s.taskId in (:tasks)"
                                + " group by s.taskId", Object[].class)
                .setParameter("accepted", Verdict.ACCEPTED)
                .setParameter("pending", List.of(SubmissionStatus.QUEUED, SubmissionStatus.RUNNING))
                .setParameter("tenant", tenantId).setParameter("student", studentId).setParameter("tasks", taskIds)
                .getResultList())
                .map(rows -> rows.stream().collect(Collectors.toMap(row -> (UUID) row[0], row -> new Attempts(
                        ((Number) row[1]).longValue(), (BigDecimal) row[2], ((Number) row[3]).longValue(), ((Number) row[4]).longValue()))));
    }
}
