package dev.kelas.learning.common;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import java.util.List;

/** Small helpers for writing rows. */
public final class Rows {
    private Rows() {
    }

    /** Persists every entity of the list; nothing for an empty one (Panache refuses an empty batch). */
    public static Uni<Void> persistAll(List<? extends PanacheEntityBase> entities) {
        return entities.isEmpty() ? Uni.createFrom().voidItem() : PanacheEntityBase.persist(entities);
    }
}
