package dev.kelas.lab.similarity;

import dev.kelas.runtime.persistence.TenantEntity;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A teacher's similarity check across the latest submission of each student of a task in one language; its
 * pairs at or above the threshold are {@link SimilarityPair}s.
 */
@Entity
@Table(name = "similarity_check")
public class SimilarityCheck extends TenantEntity {
    public UUID taskId;
    /** The class's teacher or the administrator who asked. */
    public UUID requestedBy;
    /** Key of {@code kelas.lab.languages} whose submissions are compared. */
    public String language;
    /** 0..1: pairs whose average similarity is at least this are kept. */
    public double threshold;
    @Enumerated(EnumType.STRING)
    public SimilarityStatus status;
    /** Submissions JPlag compared (those it could parse); null until FINISHED. */
    public Integer submissionsCompared;
    /** Students' latest submissions left out because there were more than {@code kelas.lab.similarity.max-submissions}. */
    public Integer submissionsOmitted;
    /** Why the check FAILED. */
    public String error;
    public Instant createdAt;
    public Instant startedAt;
    public Instant finishedAt;

    /** A new QUEUED check. */
    public static SimilarityCheck queue(UUID tenantId, UUID taskId, UUID requestedBy, String language, double threshold,
                                        Instant now) {
        SimilarityCheck check = new SimilarityCheck();
        check.id = UUID.randomUUID();
        check.tenantId = tenantId;
        check.taskId = taskId;
        check.requestedBy = requestedBy;
        check.language = language;
        check.threshold = threshold;
        check.status = SimilarityStatus.QUEUED;
        check.createdAt = now;
        return check;
    }

    /** Marks it RUNNING (again, on a redelivery). */
    public void start(Instant now) {
        status = SimilarityStatus.RUNNING;
        startedAt = now;
    }

    /** The check is FINISHED: {@code compared} submissions compared, {@code omitted} left out over the cap. */
    public void finish(int compared, int omitted, Instant now) {
        status = SimilarityStatus.FINISHED;
        submissionsCompared = compared;
        submissionsOmitted = omitted;
        error = null;
        finishedAt = now;
    }

    /** Gives up: the check is FAILED with the reason (shown to the teacher). */
    public void fail(String reason, Instant now) {
        status = SimilarityStatus.FAILED;
        error = reason;
        finishedAt = now;
    }

    /** The check with this id in this tenant, or null. */
    public static Uni<SimilarityCheck> findInTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }

    /** A task's checks, newest first, at most {@code limit}. */
    public static Uni<List<SimilarityCheck>> forTask(UUID tenantId, UUID taskId, int limit) {
        return find("tenantId = ?1 and taskId = ?2 order by createdAt desc, id", tenantId, taskId).range(0, limit - 1).list();
    }
}
