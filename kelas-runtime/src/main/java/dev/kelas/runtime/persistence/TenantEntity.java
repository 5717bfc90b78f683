package dev.kelas.runtime.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.util.UUID;

/**
 * The columns every school-owned row has: a UUID primary key {@code id} and the owning school's
 * {@code tenant_id}. Column names come from the physical naming strategy
 * ({@code quarkus.hibernate-orm.physical-naming-strategy}, CamelCase to snake_case), so entities
 * declare {@code @Column(name = ...)} only where the column name differs from the field's.
 *
 * <p>Tenancy rule (docs/architecture.md, "Tenancy"): a row of another school is treated as absent,
 * so a lookup by id always goes through {@link #findInTenant(Class, UUID, UUID)}.
 */
@MappedSuperclass
public abstract class TenantEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID tenantId;

    /**
     * The row of {@code type} with this primary key if it belongs to {@code tenantId}.
     *
     * @param type the entity class
     * @param tenantId the caller's school
     * @param id the primary key; null gives null
     * @return the entity, or null when there is none or it belongs to another school
     */
    public static <T extends TenantEntity> Uni<T> findInTenant(Class<T> type, UUID tenantId, UUID id) {
        if (id == null || tenantId == null) {
            return Uni.createFrom().nullItem();
        }
        return Panache.getSession()
                .chain(session -> session.find(type, id))
                .map(row -> row != null && tenantId.equals(row.tenantId) ? row : null);
    }
}
