package dev.kelas.lab.submission;

import dev.kelas.runtime.persistence.TenantEntity;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import java.time.Instant;
import java.util.UUID;

/** A teacher's regrade of one task: every submission it sent back to the graders is a {@link RegradeSubmission}. */
@Entity
public class Regrade extends TenantEntity {
    public UUID taskId;
    public UUID requestedBy;
    public Instant requestedAt;
    /** How many submissions it queued. */
    public int submissionCount;

    /** The regrade with this id in this tenant, or null. */
    public static Uni<Regrade> findInTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }
}
