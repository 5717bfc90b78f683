package dev.kelas.lab.submission;

import dev.kelas.contracts.Verdict;
import dev.kelas.runtime.persistence.TenantEntity;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One submission of a {@link Regrade}: its score and verdict before the regrade and, once a grader has
 * judged it again, after. The new values stay null while it waits.
 */
@Entity
@Table(name = "regrade_submission")
public class RegradeSubmission extends TenantEntity {
    public UUID regradeId;
    public UUID submissionId;
    public UUID studentId;
    /** Null when the submission had no verdict yet (never graded). */
    @Enumerated(EnumType.STRING)
    public Verdict previousVerdict;
    /** Points before the regrade; null when it had none. */
    public BigDecimal previousScore;
    @Enumerated(EnumType.STRING)
    public Verdict newVerdict;
    /** Points after the regrade; null while pending, and for a submission that could not be graded. */
    public BigDecimal newScore;
    public Instant gradedAt;

    /**
     * Records the new grading. A submission that failed to grade has verdict INTERNAL_ERROR and no score.
     */
    public void graded(Verdict verdict, BigDecimal score, Instant at) {
        newVerdict = verdict;
        newScore = score;
        gradedAt = at;
    }

    /** The row of one submission in one regrade, or null. */
    public static Uni<RegradeSubmission> find(UUID regradeId, UUID submissionId) {
        return find("regradeId = ?1 and submissionId = ?2", regradeId, submissionId).firstResult();
    }

    /** Every submission of a regrade, in submission order. */
    public static Uni<List<RegradeSubmission>> listForRegrade(UUID regradeId) {
        return list("regradeId = ?1 order by submissionId", regradeId);
    }
}
