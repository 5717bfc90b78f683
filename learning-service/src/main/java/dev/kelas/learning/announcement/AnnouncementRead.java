package dev.kelas.learning.announcement;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** That a user has read an announcement, and when. */
@Entity
@IdClass(AnnouncementRead.Key.class)
public class AnnouncementRead extends PanacheEntityBase {
    private static final String MARK = """
            insert into announcement_read (announcement_id, user_id, read_at) values (?1, ?2, ?3) on conflict do nothing""";

    @Id
    public UUID announcementId;
    @Id
    public UUID userId;
    public Instant readAt;

    /** Marks it read (once; a second mark changes nothing). */
    public static Uni<Integer> mark(UUID announcementId, UUID userId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(MARK).setParameter(1, announcementId)
                .setParameter(2, userId).setParameter(3, Instant.now()).executeUpdate());
    }

    /** The ids among these that the user has read. */
    public static Uni<List<UUID>> readAmong(UUID userId, Collection<UUID> announcementIds) {
        return announcementIds.isEmpty() ? Uni.createFrom().item(List.of())
                : find("select r.announcementId from AnnouncementRead r where r.userId = ?1 and r.announcementId in ?2",
                        userId, announcementIds).project(UUID.class).list();
    }

    /** The composite primary key. */
    public static class Key implements Serializable {
        public UUID announcementId;
        public UUID userId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(announcementId, k.announcementId) && Objects.equals(userId, k.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(announcementId, userId);
        }
    }
}
