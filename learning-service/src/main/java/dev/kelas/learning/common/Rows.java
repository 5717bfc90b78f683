package dev.kelas.learning.common;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import java.util.List;

/** Small helpers for writing rows. */
public final class Rows {
    private Rows() {
    }

    /**
     * Runs a native {@code select count(*)} with one parameter ({@code ?1}) in the current session.
     *
     * @return the count
     */
    public static Uni<Long> count(String sql, Object parameter) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, Long.class).setParameter(1, parameter)
                .getSingleResult());
    }

    /** Persists every entity of the list; nothing for an empty one (Panache refuses an empty batch). */
    public static Uni<Void> persistAll(List<? extends PanacheEntityBase> entities) {
        return entities.isEmpty() ? Uni.createFrom().voidItem() : PanacheEntityBase.persist(entities);
    }
}
