package dev.kelas.learning.behavior;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** One category of a school's behaviour list, e.g. {@code HELPFUL} (positive, +2 by default). */
@Entity
@IdClass(BehaviorCategory.Key.class)
public class BehaviorCategory extends PanacheEntityBase {
    @Id
    public UUID tenantId;
    @Id
    public String code;
    public String label;
    @Enumerated(EnumType.STRING)
    public BehaviorKind kind;
    /** Points a note of this category gets when the teacher gives none. */
    public int defaultPoints;
    public short position;

    /** The school's categories in list order. */
    public static Uni<List<BehaviorCategory>> listForTenant(UUID tenantId) {
        return list("tenantId = ?1 order by position", tenantId);
    }

    /** The composite primary key. */
    public static class Key implements Serializable {
        public UUID tenantId;
        public String code;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(code, k.code);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, code);
        }
    }
}
