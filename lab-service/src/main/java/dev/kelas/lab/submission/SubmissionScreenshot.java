package dev.kelas.lab.submission;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The PNG screenshot of a WEB submission's rendered page, stored with its latest verdict (at most 1 MiB). */
@Entity
@Table(name = "submission_screenshot")
public class SubmissionScreenshot extends PanacheEntityBase {
    @Id
    public UUID submissionId;
    public UUID tenantId;
    public byte[] png;
    public Instant takenAt;

    /** The screenshot of this submission in this tenant, or null. */
    public static Uni<SubmissionScreenshot> findInTenant(UUID tenantId, UUID submissionId) {
        return find("tenantId = ?1 and submissionId = ?2", tenantId, submissionId).firstResult();
    }

    /**
     * Replaces a submission's screenshot with this one, or removes it when {@code png} is null (a regrade
     * whose page no longer renders keeps no stale picture).
     */
    public static Uni<Void> replace(UUID tenantId, UUID submissionId, byte[] png, Instant takenAt) {
        Uni<Long> removed = delete("submissionId", submissionId);
        if (png == null) {
            return removed.replaceWithVoid();
        }
        SubmissionScreenshot shot = new SubmissionScreenshot();
        shot.submissionId = submissionId;
        shot.tenantId = tenantId;
        shot.png = png;
        shot.takenAt = takenAt;
        return removed.chain(() -> shot.persist()).replaceWithVoid();
    }
}
