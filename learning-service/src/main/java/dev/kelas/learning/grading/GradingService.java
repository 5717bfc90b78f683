package dev.kelas.learning.grading;

import dev.kelas.learning.assignment.Assignment;
import dev.kelas.learning.assignment.AssignmentService;
import dev.kelas.learning.assignment.AssignmentService.AssignmentView;
import dev.kelas.learning.assignment.Rubric;
import dev.kelas.learning.assignment.RubricLevel;
import dev.kelas.learning.assignment.Submission;
import dev.kelas.learning.common.Rows;
import dev.kelas.learning.enrollment.Enrollment;
import dev.kelas.contracts.ErrorCode;
import dev.kelas.runtime.problem.ConflictException;
import dev.kelas.runtime.problem.KelasException;
import dev.kelas.runtime.problem.KelasException.FieldError;
import dev.kelas.runtime.problem.ValidationException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A teacher's grades (points or rubric levels, feedback, excused) and their audit trail; a lab grader's
 * results are {@link LabGradeService}'s. A grade of a finalized class gradebook does not change.
 */
@ApplicationScoped
public class GradingService {
    private final AssignmentService assignments;
    private final GradeWriter writer;

    public GradingService(AssignmentService assignments, GradeWriter writer) {
        this.assignments = assignments;
        this.writer = writer;
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
                        GradeWriter.Change change = new GradeWriter.Change(raw, penalty, draft.excused(), Grade.TEACHER, null,
                                latest == null ? null : latest.id, caller.userId(),
                                draft.reason() == null || draft.reason().isBlank() ? "Graded" : draft.reason().strip());
                        return writer.save(assignment, studentId, existing, change).chain(grade -> {
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

    /** One entry of a bulk grade request: a student and their grade. */
    public record BulkGrade(UUID studentId, GradeDraft draft) {
    }

    /**
     * Grades many students of a published assignment in one transaction, all or nothing. Every entry is checked
     * before anything is written; if any is bad, nothing is written and every bad entry is listed with its
     * {@code index}, {@code studentId} and a per-entry {@code code}: {@code DUPLICATE_STUDENT} (a student twice in
     * the request), {@code STUDENT_NOT_ENROLLED} (never in the class), {@code GRADE_AMBIGUOUS} (not exactly one of
     * points, rubric, excused), {@code POINTS_OUT_OF_RANGE}, {@code RUBRIC_INVALID}, {@code REASON_REQUIRED} (a
     * change of an existing grade without a reason). Otherwise each entry is written as {@link #gradeStudent} writes
     * one grade: the late penalty of the student's latest hand-in, one audit-trail entry per changed grade, the
     * event once the grades are released.
     *
     * @return the grades in the order of the request
     * @throws KelasException      422 BULK_GRADES_INVALID listing every bad entry
     * @throws ConflictException   if the assignment is a draft or the class's gradebook in its subject is finalized
     */
    @WithTransaction
    public Uni<List<GradeView>> gradeStudents(Caller caller, UUID assignmentId, List<BulkGrade> entries) {
        return assignments.managedAssignment(caller, assignmentId).chain(view -> {
            Assignment assignment = view.assignment();
            if (!assignment.published()) {
                throw new ConflictException("A draft cannot be graded");
            }
            return requireUnlocked(assignment)
                    .chain(() -> Grade.listForAssignments(List.of(assignmentId)))
                    .chain(grades -> {
                        Map<UUID, Grade> existing = new java.util.HashMap<>();
                        grades.forEach(g -> existing.put(g.studentId, g));
                        Uni<List<FieldError>> checked = Uni.createFrom().item(new ArrayList<>());
                        Set<UUID> seen = new HashSet<>();
                        List<BigDecimal> raws = new ArrayList<>();
                        for (int i = 0; i < entries.size(); i++) {
                            int index = i;
                            BulkGrade entry = entries.get(i);
                            boolean duplicate = !seen.add(entry.studentId());
                            raws.add(null);
                            checked = checked.chain(errors -> Enrollment.everEnrolled(assignment.classId, entry.studentId()).map(enrolled -> {
                                String field = "grades[" + index + "]";
                                if (duplicate) {
                                    errors.add(new FieldError(field + ".studentId", "The student is graded twice in this request",
                                            index, entry.studentId(), "DUPLICATE_STUDENT"));
                                    return errors;
                                }
                                if (!enrolled) {
                                    errors.add(new FieldError(field + ".studentId", "The student was never enrolled in this class",
                                            index, entry.studentId(), "STUDENT_NOT_ENROLLED"));
                                    return errors;
                                }
                                FieldError error = entryError(view, entry, existing.get(entry.studentId()), field, index, raws);
                                if (error != null) {
                                    errors.add(error);
                                }
                                return errors;
                            }));
                        }
                        return checked.chain(errors -> {
                            if (!errors.isEmpty()) {
                                throw new KelasException(422, ErrorCode.BULK_GRADES_INVALID, errors.size() + " of "
                                        + entries.size() + " grades are invalid; nothing was written", errors);
                            }
                            Uni<List<GradeView>> written = Uni.createFrom().item(new ArrayList<>());
                            for (int i = 0; i < entries.size(); i++) {
                                BulkGrade entry = entries.get(i);
                                BigDecimal raw = raws.get(i);
                                written = written.chain(list -> Submission.latest(assignmentId, entry.studentId())
                                        .chain(latest -> write(caller, view, entry.studentId(), entry.draft(), raw, latest,
                                                existing.get(entry.studentId())))
                                        .map(v -> {
                                            list.add(v);
                                            return list;
                                        }));
                            }
                            return written;
                        });
                    });
        });
    }

    /** What is wrong with one bulk entry, or null (then its raw points are stored at {@code raws[index]}). */
    private static FieldError entryError(AssignmentView view, BulkGrade entry, Grade existing, String field, int index,
                                         List<BigDecimal> raws) {
        GradeDraft draft = entry.draft();
        int given = (draft.points() != null ? 1 : 0) + (draft.rubric() != null ? 1 : 0) + (draft.excused() ? 1 : 0);
        if (given != 1) {
            return new FieldError(field, "Give exactly one of points, rubric or excused", index, entry.studentId(), "GRADE_AMBIGUOUS");
        }
        if (draft.points() != null && (draft.points().signum() < 0 || draft.points().compareTo(view.assignment().points) > 0)) {
            return new FieldError(field + ".points", "must be between 0 and " + view.assignment().points.toPlainString(),
                    index, entry.studentId(), "POINTS_OUT_OF_RANGE");
        }
        BigDecimal raw;
        try {
            raw = rawPoints(view, draft);
        } catch (ValidationException e) {
            return new FieldError(field + ".rubric", e.getMessage(), index, entry.studentId(), "RUBRIC_INVALID");
        }
        boolean changes = existing != null && (existing.excused != draft.excused() || existing.rawScore.compareTo(raw) != 0);
        if (changes && (draft.reason() == null || draft.reason().isBlank())) {
            return new FieldError(field + ".reason", "A reason is required when a grade changes", index, entry.studentId(),
                    "REASON_REQUIRED");
        }
        raws.set(index, raw);
        return null;
    }

    /** Writes one checked grade with its feedback and rubric choices (see {@link #gradeStudent}). */
    private Uni<GradeView> write(Caller caller, AssignmentView view, UUID studentId, GradeDraft draft, BigDecimal raw,
                                 Submission latest, Grade existing) {
        BigDecimal penalty = latest == null ? BigDecimal.ZERO : latest.latePenaltyPercent;
        GradeWriter.Change change = new GradeWriter.Change(raw, penalty, draft.excused(), Grade.TEACHER, null,
                latest == null ? null : latest.id, caller.userId(),
                draft.reason() == null || draft.reason().isBlank() ? "Graded" : draft.reason().strip());
        return writer.save(view.assignment(), studentId, existing, change).chain(grade -> {
            grade.feedback = draft.feedback();
            List<GradeRubricScore> choices = rubricScores(view.rubric(), grade.id, draft.rubric());
            return GradeRubricScore.deleteForGrade(grade.id)
                    .call(() -> Panache.getSession().chain(session -> session.flush()))
                    .chain(() -> Rows.persistAll(choices))
                    .replaceWith(new GradeView(grade, choices));
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
