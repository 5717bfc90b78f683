package dev.kelas.learning.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The latest verdict of one lab submission, its score already scaled to the assignment's points. */
@Entity
@Table(name = "lab_result")
public class LabResult extends PanacheEntityBase {
    @Id
    @Column(name = "submission_id")
    public UUID submissionId;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "assignment_id")
    public UUID assignmentId;
    @Column(name = "student_id")
    public UUID studentId;
    /** Points on the assignment's scale. */
    public BigDecimal score;
    @Column(name = "graded_at")
    public Instant gradedAt;

    /** The best current score of a student on an assignment, or null without any result. */
    public static Uni<BigDecimal> bestScore(UUID assignmentId, UUID studentId) {
        return find("select max(r.score) from LabResult r where r.assignmentId = ?1 and r.studentId = ?2", assignmentId, studentId)
                .project(BigDecimal.class).firstResult();
    }
}
