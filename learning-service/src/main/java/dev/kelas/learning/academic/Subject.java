package dev.kelas.learning.academic;

import dev.kelas.runtime.persistence.TenantEntity;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** A subject taught in the school, e.g. {@code MATH} Mathematics. */
@Entity
public class Subject extends TenantEntity {
    /** Short code unique in the school. */
    public String code;
    public String name;
    public Instant createdAt;
    /** Bumped on every change (its ETag). */
    public int version;

    /** The subject with this id in this tenant, or null. */
    public static Uni<Subject> findInTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }

    /** The subjects of this tenant among these ids. */
    public static Uni<List<Subject>> listInTenant(UUID tenantId, Collection<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("tenantId = ?1 and id in ?2", tenantId, ids);
    }

    /** A tenant's subjects by code. */
    public static Uni<List<Subject>> listForTenant(UUID tenantId) {
        return list("tenantId = ?1 order by code", tenantId);
    }
}
