package dev.kelas.learning.enrollment;

import dev.kelas.runtime.persistence.TenantEntity;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** A class (a group of students taught together) in a term, with its homeroom teacher. */
@Entity
@Table(name = "school_class")
public class SchoolClass extends TenantEntity {
    public String name;
    /** Short code unique in the school, e.g. {@code ALG1-2026}. */
    public String code;
    /** The homeroom teacher, responsible for the class. */
    public UUID teacherId;
    /** The term the class runs in; null for classes created without one. */
    public UUID termId;
    /** 1 to 13, or null. */
    public Short gradeLevel;
    public Instant createdAt;
    /** Bumped on every change (its ETag). */
    public int version;
    /** When it was archived (its history kept, no more changes); null while in use. */
    public Instant archivedAt;

    /** The class with this id in this tenant, or null: another school's class is not found. */
    public static Uni<SchoolClass> findInTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }

    /** The classes of this tenant among these ids. */
    public static Uni<List<SchoolClass>> listInTenant(UUID tenantId, Collection<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("tenantId = ?1 and id in ?2 order by name", tenantId, ids);
    }

    /** A tenant's classes, optionally only those of one term, by name. */
    public static Uni<List<SchoolClass>> listForTenant(UUID tenantId, UUID termId) {
        return termId == null ? list("tenantId = ?1 order by name", tenantId)
                : list("tenantId = ?1 and termId = ?2 order by name", tenantId, termId);
    }

    /** The ids of the classes whose homeroom teacher this is. */
    public static Uni<List<UUID>> homeroomClassIds(UUID tenantId, UUID teacherId) {
        return find("select c.id from SchoolClass c where c.tenantId = ?1 and c.teacherId = ?2", tenantId, teacherId)
                .project(UUID.class).list();
    }

    /** Whether a class with this code exists in the tenant. */
    public static Uni<Boolean> codeTaken(UUID tenantId, String code) {
        return count("tenantId = ?1 and code = ?2", tenantId, code).map(n -> n > 0);
    }
}
