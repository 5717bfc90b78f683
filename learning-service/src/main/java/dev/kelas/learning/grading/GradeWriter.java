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
}
