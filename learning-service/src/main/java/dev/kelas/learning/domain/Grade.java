package dev.kelas.learning.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** A student's score on one assignment. */
@Entity
public class Grade extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "assignment_id")
    public UUID assignmentId;
    @Column(name = "student_id")
    public UUID studentId;
    /** Points scored, 0 to {@code maxScore}. */
    public BigDecimal score;
    @Column(name = "max_score")
    public BigDecimal maxScore;
    /** {@code LAB} when a grader's verdict set it, {@code TEACHER} otherwise. */
    public String source;
    /** The lab submission that produced a LAB grade. */
    @Column(name = "source_ref")
    public UUID sourceRef;
    @Column(name = "recorded_at")
    public Instant recordedAt;

    /** The grade of a student on an assignment, or null. */
    public static Uni<Grade> find(UUID assignmentId, UUID studentId) {
        return find("assignmentId = ?1 and studentId = ?2", assignmentId, studentId).firstResult();
    }

    /** All grades on these assignments. */
    public static Uni<List<Grade>> listForAssignments(Collection<UUID> assignmentIds) {
        return assignmentIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("assignmentId in ?1", assignmentIds);
    }
}
