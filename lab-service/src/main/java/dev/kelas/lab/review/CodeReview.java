package dev.kelas.lab.review;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The latest review of a submission's latest grading: findings as JSON, and who wrote them. */
@Entity
@Table(name = "code_review")
public class CodeReview extends PanacheEntityBase {
    @Id
    public UUID submissionId;
    public UUID tenantId;
    public UUID taskId;
    public UUID studentId;
    @Enumerated(EnumType.STRING)
    public Status status;
    /** {@code offline}, or an AI provider's name. */
    public String provider;
    public String model;
    /** JSON array of {@link Finding}s. */
    public String findings;
    /** JSON array of tool names. */
    public String toolsRun;
    /** JSON array of tool names configured but not installed. */
    public String toolsMissing;
    /** Prose feedback (an AI provider's), or null. */
    public String feedback;
    /** Why the review FAILED, or null. */
    public String error;
    /** How long the review took, milliseconds. */
    public int wallMillis;
    public Instant createdAt;
    /** Prompt tokens the AI provider counted, or null for the offline reviewer. */
    public Integer inputTokens;
    /** Answer tokens the AI provider counted, or null. */
    public Integer outputTokens;
    /** Estimated cost from the provider's prices, or null. */
    public java.math.BigDecimal cost;
    /** JSON array of the providers tried, {@code {provider, outcome}}. */
    public String attempts;

    /** Whether the reviewer could write the review. */
    public enum Status {
        /** Written. */
        READY,
        /** The reviewer failed on every attempt; {@code error} says why. */
        FAILED
    }

    /** The review of this submission in this tenant, or null. */
    public static Uni<CodeReview> findForSubmission(UUID tenantId, UUID submissionId) {
        return find("tenantId = ?1 and submissionId = ?2", tenantId, submissionId).firstResult();
    }
}
