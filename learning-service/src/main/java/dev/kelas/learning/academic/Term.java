package dev.kelas.learning.academic;

import dev.kelas.runtime.persistence.TenantEntity;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A semester of a school year, e.g. 2026/2027 semester 1. Exactly one term of a school is active. */
@Entity
public class Term extends TenantEntity {
    public String name;
    /** E.g. {@code 2026/2027}. */
    public String schoolYear;
    /** 1 to 4. */
    public short semester;
    public LocalDate startsOn;
    public LocalDate endsOn;
    public boolean active;
    public Instant createdAt;
    /** Bumped on every change (its ETag). */
    public int version;

    /** The term with this id in this tenant, or null. */
    public static Uni<Term> findInTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }

    /** The tenant's active term, or null when it has none yet. */
    public static Uni<Term> active(UUID tenantId) {
        return find("tenantId = ?1 and active = true", tenantId).firstResult();
    }

    /** A tenant's terms, newest first. */
    public static Uni<List<Term>> listForTenant(UUID tenantId) {
        return list("tenantId = ?1 order by startsOn desc", tenantId);
    }

    /** Clears the active flag of every term of the tenant (before another is activated). */
    public static Uni<Integer> deactivateAll(UUID tenantId) {
        return update("active = false where tenantId = ?1 and active = true", tenantId);
    }
}
