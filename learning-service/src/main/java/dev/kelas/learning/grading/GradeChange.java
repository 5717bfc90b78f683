package dev.kelas.learning.grading;

import dev.kelas.runtime.persistence.TenantEntity;
import io.smallrye.mutiny.Uni;
import dev.kelas.contracts.Verdict;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One entry of the grade audit trail: a grade's old and new value, who changed it (null for a lab
 * grader), when and why. The table refuses updates and deletes.
 */
@Entity
@Table(name = "grade_change")
public class GradeChange extends TenantEntity {
    /** Null for a REGRADE entry written before the student had a grade on the assignment. */
    public UUID gradeId;
    public UUID assignmentId;
    public UUID studentId;
    /** Null for the first grade. */
    public BigDecimal oldScore;
    public BigDecimal newScore;
    public Boolean oldExcused;
    public boolean newExcused;
    /**
     * {@code LAB}, {@code TEACHER} or {@code REGRADE}. A REGRADE entry is about one lab submission that a teacher's
     * regrade judged again: its old and new score are that submission's result on the assignment's scale (not the
     * grade's, whose change, if any, is its own LAB entry), with the verdicts before and after.
     */
    public String source;
    public UUID changedBy;
    public String reason;
    public Instant changedAt;
    /** For REGRADE: the lab submission judged again. */
    public UUID labSubmissionId;
    /** For REGRADE: lab-service's regrade. */
    public UUID regradeId;
    /** For REGRADE: the submission's verdict before, or null if it had none. */
    @Enumerated(EnumType.STRING)
    public Verdict oldVerdict;
    /** For REGRADE: the submission's verdict after. */
    @Enumerated(EnumType.STRING)
    public Verdict newVerdict;

    /** The trail of one student's grade on an assignment, oldest first. */
    public static Uni<List<GradeChange>> history(UUID assignmentId, UUID studentId) {
        return list("assignmentId = ?1 and studentId = ?2 order by changedAt, id", assignmentId, studentId);
    }
}
