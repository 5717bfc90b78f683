package dev.kelas.learning.grading;

import dev.kelas.learning.assignment.Assignment;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes grades, a teacher's or a lab grader's alike: the score after the late penalty
 * ({@link FinalGrade#effectivePoints}), the audit trail ({@link GradeChange}) and the event.
 */
@ApplicationScoped
public class GradeWriter {
    private final GradeEvents gradeEvents;

    public GradeWriter(GradeEvents gradeEvents) {
        this.gradeEvents = gradeEvents;
    }

    /**
     * A grade change to apply.
     *
     * @param raw          points before the late penalty
     * @param penalty      the late penalty, percent
     * @param sourceRef    the lab submission behind a LAB grade
     * @param submissionId the hand-in a teacher graded
     */
    public record Change(BigDecimal raw, BigDecimal penalty, boolean excused, String source, UUID sourceRef,
                         UUID submissionId, UUID by, String reason) {
    }

    /**
     * Writes the grade (new or changed), its audit entry when the score or excused state changes, and its
     * {@code kelas.learning.grade.recorded} event. Must run in the caller's transaction.
     *
     * @param existing the student's current grade on the assignment, or null
     * @return the grade as saved
     */
    public Uni<Grade> save(Assignment assignment, UUID studentId, Grade existing, Change change) {
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

    /**
     * Rescales a grade to an assignment's new points, proportionally: {@code rawScore' = rawScore * newPoints /
     * oldPoints} (two decimals, half up), the late penalty kept and applied again ({@link FinalGrade#effectivePoints}),
     * {@code maxScore' = newPoints}. An excused grade keeps its score of 0. A changed score gets one RESCALE entry
     * in the audit trail and a {@code kelas.learning.grade.recorded} event. Must run in the caller's transaction;
     * {@code assignment.points} must already be the new points.
     *
     * @return whether the score changed (and an audit entry was written)
     */
    public Uni<Boolean> rescale(Assignment assignment, Grade grade, BigDecimal oldPoints, UUID by) {
        BigDecimal newPoints = assignment.points;
        grade.maxScore = newPoints;
        if (grade.excused) {
            return Uni.createFrom().item(false);
        }
        BigDecimal oldScore = grade.score;
        grade.rawScore = grade.rawScore.multiply(newPoints).divide(oldPoints, 2, RoundingMode.HALF_UP);
        grade.score = FinalGrade.effectivePoints(grade.rawScore, grade.latePenaltyPercent);
        if (grade.score.compareTo(oldScore) == 0) {
            return Uni.createFrom().item(false);
        }
        Instant now = Instant.now();
        GradeChange entry = new GradeChange();
        entry.id = UUID.randomUUID();
        entry.tenantId = assignment.tenantId;
        entry.gradeId = grade.id;
        entry.assignmentId = assignment.id;
        entry.studentId = grade.studentId;
        entry.oldScore = oldScore;
        entry.newScore = grade.score;
        entry.oldExcused = false;
        entry.newExcused = false;
        entry.source = Grade.RESCALE;
        entry.changedBy = by;
        entry.reason = "Points changed from " + oldPoints.stripTrailingZeros().toPlainString() + " to "
                + newPoints.stripTrailingZeros().toPlainString();
        entry.changedAt = now;
        return entry.persist().call(() -> gradeEvents.recorded(assignment, grade)).replaceWith(true);
    }
}
