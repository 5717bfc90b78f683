package dev.kelas.learning.service;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import java.util.List;

/** Small helpers for writing rows. */
final class Rows {
    private Rows() {
    }

    /** Persists every entity of the list; nothing for an empty one (Panache refuses an empty batch). */
    static Uni<Void> persistAll(List<? extends PanacheEntityBase> entities) {
        return entities.isEmpty() ? Uni.createFrom().voidItem() : PanacheEntityBase.persist(entities);
    }
}
