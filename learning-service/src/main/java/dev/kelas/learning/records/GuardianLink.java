package dev.kelas.learning.records;

import dev.kelas.runtime.persistence.TenantEntity;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A PARENT account linked to one of their children (a STUDENT of the same school): the parent reads the child's
 * released grades, attendance, behaviour notes visible to the student and the announcements of the child's classes.
 */
@Entity
public class GuardianLink extends TenantEntity {
    public UUID studentId;
    public UUID parentId;
    public Instant createdAt;

    /** The link of this parent to this student in the school, or null. */
    public static Uni<GuardianLink> find(UUID tenantId, UUID studentId, UUID parentId) {
        return find("tenantId = ?1 and studentId = ?2 and parentId = ?3", tenantId, studentId, parentId).firstResult();
    }

    /** Whether the parent is linked to the student in the school. */
    public static Uni<Boolean> links(UUID tenantId, UUID studentId, UUID parentId) {
        return count("tenantId = ?1 and studentId = ?2 and parentId = ?3", tenantId, studentId, parentId).map(n -> n > 0);
    }

    /** The ids of a parent's children in the school. */
    public static Uni<List<UUID>> childIds(UUID tenantId, UUID parentId) {
        return find("select l.studentId from GuardianLink l where l.tenantId = ?1 and l.parentId = ?2 order by l.createdAt",
                tenantId, parentId).project(UUID.class).list();
    }

    /** The links of a student to their parents, oldest first. */
    public static Uni<List<GuardianLink>> listForStudent(UUID tenantId, UUID studentId) {
        return list("tenantId = ?1 and studentId = ?2 order by createdAt", tenantId, studentId);
    }
}
