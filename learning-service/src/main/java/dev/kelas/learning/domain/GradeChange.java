package dev.kelas.learning.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
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
public class GradeChange extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "grade_id")
    public UUID gradeId;
    @Column(name = "assignment_id")
    public UUID assignmentId;
    @Column(name = "student_id")
    public UUID studentId;
    /** Null for the first grade. */
    @Column(name = "old_score")
    public BigDecimal oldScore;
    @Column(name = "new_score")
    public BigDecimal newScore;
    @Column(name = "old_excused")
    public Boolean oldExcused;
    @Column(name = "new_excused")
    public boolean newExcused;
    /** {@code LAB} or {@code TEACHER}. */
    public String source;
    @Column(name = "changed_by")
    public UUID changedBy;
    public String reason;
    @Column(name = "changed_at")
    public Instant changedAt;

    /** The trail of one student's grade on an assignment, oldest first. */
    public static Uni<List<GradeChange>> history(UUID assignmentId, UUID studentId) {
        return list("assignmentId = ?1 and studentId = ?2 order by changedAt, id", assignmentId, studentId);
    }
}
