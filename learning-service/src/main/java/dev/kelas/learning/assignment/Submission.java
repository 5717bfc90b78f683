package dev.kelas.learning.assignment;

import dev.kelas.runtime.persistence.TenantEntity;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One hand-in of an ESSAY (text), LINK (URL) or FILE (a stored file) assignment by a student; attempts
 * count from 1. The late days and penalty are fixed when it is handed in.
 */
@Entity
public class Submission extends TenantEntity {
    public UUID assignmentId;
    public UUID studentId;
    public int attempt;
    public String textBody;
    public String linkUrl;
    public UUID fileId;
    public Instant submittedAt;
    public int lateDays;
    public BigDecimal latePenaltyPercent;

    /** The submission with this id in this tenant, or null. */
    public static Uni<Submission> findInTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }

    /** How many times the student has handed in this assignment. */
    public static Uni<Long> attempts(UUID assignmentId, UUID studentId) {
        return count("assignmentId = ?1 and studentId = ?2", assignmentId, studentId);
    }

    /** The student's latest hand-in of the assignment, or null. */
    public static Uni<Submission> latest(UUID assignmentId, UUID studentId) {
        return find("assignmentId = ?1 and studentId = ?2 order by attempt desc", assignmentId, studentId).firstResult();
    }

    /** An assignment's submissions, optionally of one student, newest first. */
    public static Uni<List<Submission>> listForAssignment(UUID assignmentId, UUID studentId) {
        return studentId == null ? list("assignmentId = ?1 order by submittedAt desc", assignmentId)
                : list("assignmentId = ?1 and studentId = ?2 order by submittedAt desc", assignmentId, studentId);
    }
}
