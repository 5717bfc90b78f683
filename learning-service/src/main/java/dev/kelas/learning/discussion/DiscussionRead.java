package dev.kelas.learning.discussion;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Up to when a user has read a thread: replies after it are unread. */
@Entity
@IdClass(DiscussionRead.Key.class)
public class DiscussionRead extends PanacheEntityBase {
    private static final String MARK = """
            insert into discussion_read (thread_id, user_id, last_read_at) values (?1, ?2, ?3)
            on conflict (thread_id, user_id) do update set last_read_at = greatest(discussion_read.last_read_at, excluded.last_read_at)""";

    @Id
    public UUID threadId;
    @Id
    public UUID userId;
    public Instant lastReadAt;

    /** Records that the user has read the thread up to {@code at} (never moves back). */
    public static Uni<Integer> mark(UUID threadId, UUID userId, Instant at) {
        return Panache.getSession().chain(session -> session.createNativeQuery(MARK).setParameter(1, threadId)
                .setParameter(2, userId).setParameter(3, at).executeUpdate());
    }

    /** The composite primary key. */
    public static class Key implements Serializable {
        public UUID threadId;
        public UUID userId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(threadId, k.threadId) && Objects.equals(userId, k.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(threadId, userId);
        }
    }
}
