package dev.kelas.learning.grading;

import dev.kelas.runtime.persistence.TenantEntity;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * A student's grade on one assignment. {@code rawScore} is what the work earned; {@code score} is what
 * counts after the late penalty ({@code rawScore * (100 - latePenaltyPercent) / 100}, two decimals, half up).
 * An excused grade counts for nothing (score 0, left out of the final grade).
 */
@Entity
public class Grade extends TenantEntity {
    /** Source of a grade set by a lab grader's verdict. */
    public static final String LAB = "LAB";
    /** Source of a grade audit entry for a lab submission a teacher's regrade judged again (never a grade's own source). */
    public static final String REGRADE = "REGRADE";
    /** Source of a grade audit entry written when the assignment's points changed (never a grade's own source). */
    public static final String RESCALE = "RESCALE";
    /** Source of a grade set by a teacher. */
    public static final String TEACHER = "TEACHER";

    public UUID assignmentId;
    public UUID studentId;
    /** Points that count, 0 to {@code maxScore}. */
    public BigDecimal score;
    public BigDecimal maxScore;
    /** Points before the late penalty. */
    public BigDecimal rawScore;
    public BigDecimal latePenaltyPercent;
    public boolean excused;
    public String feedback;
    /** {@code LAB} when a grader's verdict set it, {@code TEACHER} otherwise. */
    public String source;
    /** The lab submission that produced a LAB grade. */
    public UUID sourceRef;
    /** The submission a teacher graded, or null. */
    public UUID submissionId;
    public UUID gradedBy;
    public Instant recordedAt;

    /** The grade of a student on an assignment, or null. */
    public static Uni<Grade> find(UUID assignmentId, UUID studentId) {
        return find("assignmentId = ?1 and studentId = ?2", assignmentId, studentId).firstResult();
    }

    /** All grades on these assignments. */
    public static Uni<List<Grade>> listForAssignments(Collection<UUID> assignmentIds) {
        return assignmentIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("assignmentId in ?1", assignmentIds);
    }

    /** One student's grades on these assignments. */
    public static Uni<List<Grade>> listForStudent(UUID studentId, Collection<UUID> assignmentIds) {
        return assignmentIds.isEmpty() ? Uni.createFrom().item(List.of())
                : list("studentId = ?1 and assignmentId in ?2", studentId, assignmentIds);
    }
}
