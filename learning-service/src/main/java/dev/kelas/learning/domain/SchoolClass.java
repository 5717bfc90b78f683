package dev.kelas.learning.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A class (a group of students taught together), with the teacher responsible for it. */
@Entity
@Table(name = "school_class")
public class SchoolClass extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    public String name;
    /** Short code unique in the school, e.g. {@code ALG1-2026}. */
    public String code;
    @Column(name = "teacher_id")
    public UUID teacherId;
    @Column(name = "created_at")
    public Instant createdAt;

    /** The class with this id in this tenant, or null: another school's class is not found. */
    public static Uni<SchoolClass> findInTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }

    /** Whether a class with this code exists in the tenant. */
    public static Uni<Boolean> codeTaken(UUID tenantId, String code) {
        return count("tenantId = ?1 and code = ?2", tenantId, code).map(n -> n > 0);
    }
}
