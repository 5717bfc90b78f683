package dev.kelas.lab.similarity;

import dev.kelas.runtime.persistence.TenantEntity;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;

/**
 * Two submissions a {@link SimilarityCheck} found at or above its threshold, with the matching regions as a
 * JSON array of {@link SimilarityDetector.Region}s ({@code fileA, startLineA, endLineA, fileB, startLineB,
 * endLineB, tokens}).
 */
@Entity
@Table(name = "similarity_pair")
public class SimilarityPair extends TenantEntity {
    public UUID checkId;
    // the naming strategy puts no underscore before a last capital
    @Column(name = "submission_a")
    public UUID submissionA;
    @Column(name = "student_a")
    public UUID studentA;
    @Column(name = "submission_b")
    public UUID submissionB;
    @Column(name = "student_b")
    public UUID studentB;
    /** JPlag's average similarity, 0..1. */
    public double similarity;
    /** The matching regions, JSON. */
    public String matches;

    /** A check's pairs, most similar first. */
    public static Uni<List<SimilarityPair>> ofCheck(UUID tenantId, UUID checkId) {
        return list("tenantId = ?1 and checkId = ?2 order by similarity desc, id", tenantId, checkId);
    }

    /** Deletes a check's pairs (before a redelivered check stores its own). */
    public static Uni<Long> deleteOfCheck(UUID tenantId, UUID checkId) {
        return delete("tenantId = ?1 and checkId = ?2", tenantId, checkId);
    }
}
