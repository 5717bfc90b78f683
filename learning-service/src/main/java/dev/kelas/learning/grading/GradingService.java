package dev.kelas.learning.grading;

import dev.kelas.learning.assignment.AssignmentService;
import dev.kelas.learning.common.Rows;

import dev.kelas.contracts.events.SubmissionGraded;
import dev.kelas.learning.assignment.Assignment;
import dev.kelas.learning.assignment.CodingScorePolicy;
import dev.kelas.learning.enrollment.Enrollment;
import dev.kelas.learning.assignment.LatePolicy;
import dev.kelas.learning.assignment.Rubric;
import dev.kelas.learning.assignment.RubricLevel;
import dev.kelas.learning.assignment.Submission;
import dev.kelas.learning.assignment.AssignmentService.AssignmentView;
import dev.kelas.runtime.inbox.Inbox;
import dev.kelas.runtime.problem.ConflictException;
import dev.kelas.runtime.problem.KelasException.FieldError;
import dev.kelas.runtime.problem.ValidationException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Grades: a teacher's (points or rubric levels, feedback, excused), a lab grader's for CODING work, and
 * the audit trail of every change. A grade of a finalized class gradebook does not change.
 */
@ApplicationScoped
public class GradingService {
    private static final Logger LOG = Logger.getLogger(GradingService.class);

    private final AssignmentService assignments;
    private final GradeEvents gradeEvents;
    private final Inbox inbox;

    public GradingService(AssignmentService assignments, GradeEvents gradeEvents, Inbox inbox) {
        this.assignments = assignments;
        this.gradeEvents = gradeEvents;
        this.inbox = inbox;
    }

    /** A rubric choice: the level picked on one criterion. */
    public record LevelChoice(UUID criterionId, UUID levelId) {
    }

    /**
     * A teacher's grade: exactly one of {@code points}, {@code rubric} (one level per criterion) or
     * {@code excused = true}.
     *
     * @param reason why, required when an existing grade changes
     */
    public record GradeDraft(BigDecimal points, List<LevelChoice> rubric, boolean excused, String feedback, String reason) {
    }

    /** A grade with its rubric choices. */
    public record GradeView(Grade grade, List<GradeRubricScore> rubric) {
    }

    /**
     * Grades a student's work on a published assignment. The late penalty of the student's latest hand-in
     * applies ({@code score = rawScore * (100 - penalty) / 100}). A change of score or excused state is added to
     * the audit trail; students hear of it only once the assignment's grades are released.
     *
     * @throws ValidationException if the grade does not fit the assignment (points out of range, an incomplete or
     *                             foreign rubric choice, no reason for a change) or the student was never in the class
     * @throws ConflictException   if the assignment is a draft or the class's gradebook in its subject is finalized
     */
    @WithTransaction
    public Uni<GradeView> gradeStudent(Caller caller, UUID assignmentId, UUID studentId, GradeDraft draft) {
        return assignments.managedAssignment(caller, assignmentId).chain(view -> {
            Assignment assignment = view.assignment();
            if (!assignment.published()) {
                throw new ConflictException("A draft cannot be graded");
            }
            BigDecimal raw = rawPoints(view, draft);
            return requireUnlocked(assignment)
                    .chain(() -> Enrollment.everEnrolled(assignment.classId, studentId))
                    .chain(enrolled -> {
                        if (!enrolled) {
                            throw new ValidationException("studentId", "The student was never enrolled in this class");
                        }
                        return Submission.latest(assignmentId, studentId);
                    })
                    .chain(latest -> Grade.find(assignmentId, studentId).chain(existing -> {
                        boolean changes = existing == null || existing.excused != draft.excused()
                                || existing.rawScore.compareTo(raw) != 0;
                        if (existing != null && changes && (draft.reason() == null || draft.reason().isBlank())) {
                            throw new ValidationException("reason", "A reason is required when a grade changes");
                        }
                        BigDecimal penalty = latest == null ? BigDecimal.ZERO : latest.latePenaltyPercent;
                        Change change = new Change(raw, penalty, draft.excused(), Grade.TEACHER, null,
                                latest == null ? null : latest.id, caller.userId(),
                                draft.reason() == null || draft.reason().isBlank() ? "Graded" : draft.reason().strip());
                        return save(assignment, studentId, existing, change).chain(grade -> {
                            grade.feedback = draft.feedback();
                            List<GradeRubricScore> choices = rubricScores(view.rubric(), grade.id, draft.rubric());
                            return GradeRubricScore.deleteForGrade(grade.id)
                                    .call(() -> Panache.getSession().chain(session -> session.flush()))
                                    .chain(() -> Rows.persistAll(choices))
                                    .replaceWith(new GradeView(grade, choices));
                        });
                    }));
        });
    }

    /**
     * The audit trail of one student's grade on an assignment, oldest first, for the class's teachers.
     */
    @WithSession
    public Uni<List<GradeChange>> gradeHistory(Caller caller, UUID assignmentId, UUID studentId) {
        return assignments.managedAssignment(caller, assignmentId).chain(view -> GradeChange.history(assignmentId, studentId));
    }

    /** Every grade of an assignment with its rubric choices, for the class's teachers. */
    @WithSession
    public Uni<List<GradeView>> listGrades(Caller caller, UUID assignmentId) {
        return assignments.managedAssignment(caller, assignmentId)
                .chain(view -> Grade.listForAssignments(List.of(assignmentId)))
                .chain(grades -> GradeRubricScore.listForGrades(grades.stream().map(g -> g.id).toList())
                        .map(scores -> grades.stream().map(g -> new GradeView(g, scores.stream()
                                .filter(s -> s.gradeId.equals(g.id)).toList())).toList()));
    }

    /**
     * Puts a grader's result into the gradebook, once per event. The submission's score is scaled to the
     * assignment's points ({@code points * score / maxScore}, 2 decimals, half up) and kept as that
     * submission's latest result (an older event for it, arriving late, is ignored). Results handed in after
     * the due time follow the assignment's late policy: refused ones do not count, the others lose their
     * penalty (only when the event says when the work was submitted). The grade is then the best such result,
     * or the latest attempt's, as the assignment says ({@link CodingScorePolicy}); a regrade can raise or
     * lower it. It stays as it is when a teacher has set it by hand or the gradebook is finalized. A change
     * is audited and announced as {@code kelas.learning.grade.recorded}.
     *
     * @throws IllegalStateException if the assignment is not in the event's tenant (the event is retried,
     *                               then dead-lettered)
     */
    @WithTransaction
    public Uni<Void> recordLabGrade(String consumer, UUID eventId, UUID tenantId, SubmissionGraded graded) {
        return inbox.once(consumer, eventId, () -> Assignment.findInTenant(tenantId, graded.assignmentId()).chain(assignment -> {
            if (assignment == null) {
                throw new IllegalStateException("Graded submission " + graded.submissionId()
                        + " names assignment " + graded.assignmentId() + ", unknown in tenant " + tenantId);
            }
            BigDecimal score = graded.maxScore().signum() == 0 ? BigDecimal.ZERO
                    : assignment.points.multiply(graded.score()).divide(graded.maxScore(), 2, RoundingMode.HALF_UP);
            return LabResult.<LabResult>findById(graded.submissionId())
                    .chain(existing -> keepLatest(existing, tenantId, assignment, graded, score))
                    .chain(() -> Panache.getSession().chain(session -> session.flush()))
                    .chain(() -> LabResult.results(assignment.id, graded.studentId()))
                    .chain(results -> applyLabResults(assignment, graded, results));
        })).replaceWithVoid();
    }

    private Uni<Void> applyLabResults(Assignment assignment, SubmissionGraded graded, List<LabResult> results) {
        Optional<Change> chosen = chooseLabResult(assignment, results, graded);
        if (chosen.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return GradeConfig.locked(assignment.classId, assignment.subjectId).chain(locked -> Grade.find(assignment.id,
                graded.studentId()).chain(existing -> {
            if (locked) {
                LOG.infof("Gradebook of class %s is finalized: lab result %s not applied", assignment.classId,
                        graded.submissionId());
                return Uni.createFrom().voidItem();
            }
            if (existing != null && Grade.TEACHER.equals(existing.source)) {
                LOG.debugf("Grade of student %s on %s was set by a teacher; lab result kept aside", graded.studentId(),
                        assignment.id);
                return Uni.createFrom().voidItem();
            }
            Change change = chosen.get();
            if (existing != null && existing.rawScore.compareTo(change.raw()) == 0
                    && existing.latePenaltyPercent.compareTo(change.penalty()) == 0) {
                LOG.debugf("Grade of student %s on %s unchanged", graded.studentId(), assignment.id);
                return Uni.createFrom().voidItem();
            }
            return save(assignment, graded.studentId(), existing, change).replaceWithVoid();
        }));
    }

    /** The result the policy picks, with its late penalty, or empty when none counts. */
    private static Optional<Change> chooseLabResult(Assignment assignment, List<LabResult> results, SubmissionGraded graded) {
        List<Change> eligible = new ArrayList<>();
        Map<Change, Instant> attemptedAt = new HashMap<>();
        for (LabResult result : results) {
            BigDecimal penalty = BigDecimal.ZERO;
            if (result.submittedAt != null) {
                if (!assignment.latePolicy.accepts(assignment.dueAt, assignment.lateCutoffAt, result.submittedAt)) {
                    continue;
                }
                penalty = LatePolicy.penaltyPercent(LatePolicy.daysLate(assignment.dueAt, result.submittedAt),
                        assignment.latePenaltyPercent);
            }
            Change change = new Change(result.score, penalty, false, Grade.LAB, result.submissionId, null, null,
                    "Lab submission " + result.submissionId + " graded"
                            + (result.submissionId.equals(graded.submissionId()) ? " " + graded.verdict() : ""));
            eligible.add(change);
            attemptedAt.put(change, result.attemptedAt());
        }
        Comparator<Change> order = assignment.codingScorePolicy == CodingScorePolicy.LATEST
                ? Comparator.comparing(attemptedAt::get)
                : Comparator.comparing((Change c) -> FinalGrade.effectivePoints(c.raw(), c.penalty())).thenComparing(attemptedAt::get);
        return eligible.stream().max(order);
    }

    private static Uni<Void> keepLatest(LabResult existing, UUID tenantId, Assignment assignment, SubmissionGraded graded,
                                        BigDecimal score) {
        if (existing != null && existing.gradedAt.isAfter(graded.occurredAt())) {
            return Uni.createFrom().voidItem();
        }
        LabResult result = existing != null ? existing : new LabResult();
        result.submissionId = graded.submissionId();
        result.tenantId = tenantId;
        result.assignmentId = assignment.id;
        result.studentId = graded.studentId();
        result.score = score;
        result.gradedAt = graded.occurredAt();
        result.submittedAt = graded.submittedAt() != null ? graded.submittedAt() : result.submittedAt;
        return existing != null ? Uni.createFrom().voidItem() : result.persist().replaceWithVoid();
    }

    /**
     * A grade change to apply.
     *
     * @param sourceRef    the lab submission behind a LAB grade
     * @param submissionId the hand-in a teacher graded
     */
    private record Change(BigDecimal raw, BigDecimal penalty, boolean excused, String source, UUID sourceRef,
                          UUID submissionId, UUID by, String reason) {
    }

    /** Writes the grade, its audit entry (when score or excused state change) and its event. */
    private Uni<Grade> save(Assignment assignment, UUID studentId, Grade existing, Change change) {
        Instant now = Instant.now();
        BigDecimal raw = (change.excused() ? BigDecimal.ZERO : change.raw()).setScale(2, RoundingMode.HALF_UP);
        BigDecimal penalty = (change.excused() ? BigDecimal.ZERO : change.penalty()).setScale(2, RoundingMode.HALF_UP);
        BigDecimal score = FinalGrade.effectivePoints(raw, penalty);
        boolean changed = existing == null || existing.excused != change.excused() || existing.score.compareTo(score) != 0;
        BigDecimal oldScore = existing == null ? null : existing.score;
        Boolean oldExcused = existing == null ? null : existing.excused;
        Grade grade = existing != null ? existing : new Grade();
        if (existing == null) {
            grade.id = UUID.randomUUID();
            grade.tenantId = assignment.tenantId;
            grade.assignmentId = assignment.id;
            grade.studentId = studentId;
        }
        grade.rawScore = raw;
        grade.latePenaltyPercent = penalty;
        grade.score = score;
        grade.maxScore = assignment.points;
        grade.excused = change.excused();
        grade.source = change.source();
        grade.sourceRef = change.sourceRef();
        grade.submissionId = change.submissionId();
        grade.gradedBy = change.by();
        grade.recordedAt = now;
        Uni<Grade> saved = existing != null ? Uni.createFrom().item(grade) : grade.persist();
        if (!changed) {
            return saved;
        }
        GradeChange entry = new GradeChange();
        entry.id = UUID.randomUUID();
        entry.tenantId = assignment.tenantId;
        entry.gradeId = grade.id;
        entry.assignmentId = assignment.id;
        entry.studentId = studentId;
        entry.oldScore = oldScore;
        entry.newScore = score;
        entry.oldExcused = oldExcused;
        entry.newExcused = change.excused();
        entry.source = change.source();
        entry.changedBy = change.by();
        entry.reason = change.reason();
        entry.changedAt = now;
        return saved.call(() -> entry.persist()).call(() -> gradeEvents.recorded(assignment, grade));
    }

    private static Uni<Void> requireUnlocked(Assignment assignment) {
        return GradeConfig.locked(assignment.classId, assignment.subjectId).invoke(locked -> {
            if (locked) {
                throw new ConflictException("The class's gradebook in this subject is finalized; its grades are locked");
            }
        }).replaceWithVoid();
    }

    /** The points a teacher's grade gives before any late penalty (0 when excused). */
    private static BigDecimal rawPoints(AssignmentView view, GradeDraft draft) {
        int given = (draft.points() != null ? 1 : 0) + (draft.rubric() != null ? 1 : 0) + (draft.excused() ? 1 : 0);
        if (given != 1) {
            throw new ValidationException("points", "Give exactly one of points, rubric or excused");
        }
        if (draft.excused()) {
            return BigDecimal.ZERO;
        }
        if (draft.points() != null) {
            if (draft.points().signum() < 0 || draft.points().compareTo(view.assignment().points) > 0) {
                throw new ValidationException("points", "must be between 0 and " + view.assignment().points.toPlainString());
            }
            return draft.points();
        }
        return rubricScores(view.rubric(), null, draft.rubric()).stream().map(s -> s.points)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Checks rubric choices (every criterion exactly once, each level its criterion's) and prices them. */
    private static List<GradeRubricScore> rubricScores(Rubric rubric, UUID gradeId, List<LevelChoice> choices) {
        if (choices == null) {
            return List.of();
        }
        if (rubric.isEmpty()) {
            throw new ValidationException("rubric", "The assignment has no rubric");
        }
        Map<UUID, Rubric.Criterion> criteria = rubric.byId();
        List<FieldError> errors = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        List<GradeRubricScore> scores = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            LevelChoice choice = choices.get(i);
            Rubric.Criterion criterion = criteria.get(choice.criterionId());
            if (criterion == null) {
                errors.add(new FieldError("rubric[" + i + "].criterionId", "is not a criterion of this rubric"));
                continue;
            }
            if (!seen.add(choice.criterionId())) {
                errors.add(new FieldError("rubric[" + i + "].criterionId", "is chosen more than once"));
                continue;
            }
            Optional<RubricLevel> level = criterion.levels().stream().filter(l -> l.id.equals(choice.levelId())).findFirst();
            if (level.isEmpty()) {
                errors.add(new FieldError("rubric[" + i + "].levelId", "is not a level of this criterion"));
                continue;
            }
            GradeRubricScore score = new GradeRubricScore();
            score.gradeId = gradeId;
            score.criterionId = choice.criterionId();
            score.levelId = level.get().id;
            score.points = level.get().points;
            scores.add(score);
        }
        criteria.keySet().stream().filter(id -> !seen.contains(id)).sorted()
                .forEach(id -> errors.add(new FieldError("rubric", "criterion " + id + " ("
                        + criteria.get(id).criterion().title + ") has no level chosen")));
        if (!errors.isEmpty()) {
            throw new ValidationException("The rubric choices do not fit the rubric", errors);
        }
        return scores.stream().filter(Objects::nonNull).toList();
    }
}
