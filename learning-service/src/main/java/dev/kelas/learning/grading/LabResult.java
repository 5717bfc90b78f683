package dev.kelas.learning.grading;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import dev.kelas.contracts.Verdict;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The latest verdict of one lab submission, its score already scaled to the assignment's points. */
@Entity
@Table(name = "lab_result")
public class LabResult extends PanacheEntityBase {
    @Id
    public UUID submissionId;
    public UUID tenantId;
    public UUID assignmentId;
    public UUID studentId;
    /** Points on the assignment's scale. */
    public BigDecimal score;
    public Instant gradedAt;
    /** The grader's verdict; null for results stored before it was kept. */
    @Enumerated(EnumType.STRING)
    public Verdict verdict;
    /** When the student submitted it; null when the grader's event did not say. */
    public Instant submittedAt;

    /** Every current result of a student on an assignment, one per lab submission. */
    public static Uni<List<LabResult>> results(UUID assignmentId, UUID studentId) {
        return list("assignmentId = ?1 and studentId = ?2", assignmentId, studentId);
    }

    /** When the attempt was made: its submission time, or its grading time where that is unknown. */
    public Instant attemptedAt() {
        return submittedAt != null ? submittedAt : gradedAt;
    }
}
