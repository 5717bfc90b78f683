package dev.kelas.learning.grading;

import dev.kelas.runtime.persistence.TenantEntity;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
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
    public UUID gradeId;
    public UUID assignmentId;
    public UUID studentId;
    /** Null for the first grade. */
    public BigDecimal oldScore;
    public BigDecimal newScore;
    public Boolean oldExcused;
    public boolean newExcused;
    /** {@code LAB} or {@code TEACHER}. */
    public String source;
    public UUID changedBy;
    public String reason;
    public Instant changedAt;

    /** The trail of one student's grade on an assignment, oldest first. */
    public static Uni<List<GradeChange>> history(UUID assignmentId, UUID studentId) {
        return list("assignmentId = ?1 and studentId = ?2 order by changedAt, id", assignmentId, studentId);
    }
}
