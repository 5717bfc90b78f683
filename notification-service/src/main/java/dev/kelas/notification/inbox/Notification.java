package dev.kelas.notification.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** One notification in one user's inbox; {@code seq} numbers a user's notifications in commit order. */
@Entity
public class Notification extends PanacheEntityBase {
    /*
     * Numbers and stores one event's notification for many users at once. The row lock each user's
     * notification_sequence row takes is held until commit, so one user's numbers follow commit order
     * (see V2__notifications.sql); users are locked in id order, so two such statements cannot deadlock.
     * Users who have this event's notification already are skipped before a number is taken: no hole.
     */
    private static final String STORE_FOR_USERS = """
            with recipients as (
                select u.id from unnest(string_to_array(?1, ',')::uuid[]) as u(id)
                where not exists (select 1 from notification n where n.event_id = ?2 and n.user_id = u.id)
                order by u.id),
            numbered as (
                insert into notification_sequence (user_id, tenant_id, last_seq) select id, ?3, 1 from recipients
                on conflict (user_id) do update set last_seq = notification_sequence.last_seq + 1
                returning user_id, last_seq)
            insert into notification (seq, event_id, tenant_id, user_id, type, title, body, data, created_at)
            select last_seq, ?2, ?3, user_id, ?4, ?5, ?6, ?7, ?8 from numbered
            returning id, seq, user_id""";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    /** 1, 2, 3, ... per user in commit order: the SSE event id. */
    public long seq;
    /** The CloudEvents id of the event that caused it. */
    public UUID eventId;
    public UUID tenantId;
    public UUID userId;
    /** The CloudEvents type, e.g. {@code kelas.lab.submission.graded}. */
    public String type;
    public String title;
    public String body;
    /** The event's data as JSON. */
    public String data;
    public Instant createdAt;
    public Instant readAt;

    /** One stored row of {@link #storeForUsers}: its id and number for one user. */
    public record Stored(long id, long seq, UUID userId) {
    }

    /**
     * Stores the same notification of one event for each user, numbering each in the user's sequence; users
     * who have it already are left out.
     *
     * @param dataJson the event's data as JSON
     * @return what was stored, one per new recipient
     */
    public static Uni<List<Stored>> storeForUsers(UUID eventId, UUID tenantId, List<UUID> userIds, String type, String title,
                                                  String body, String dataJson, Instant createdAt) {
        if (userIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String ids = userIds.stream().map(UUID::toString).sorted().distinct().collect(Collectors.joining(","));
        return Panache.getSession().chain(session -> session.createNativeQuery(STORE_FOR_USERS, Object[].class)
                        .setParameter(1, ids).setParameter(2, eventId).setParameter(3, tenantId).setParameter(4, type)
                        .setParameter(5, title).setParameter(6, body).setParameter(7, dataJson).setParameter(8, createdAt)
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(row -> new Stored(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), (UUID) row[2]))
                        .toList());
    }

    /** A user's notifications after a sequence number, oldest first, at most {@code limit}. */
    public static Uni<List<Notification>> listAfter(UUID tenantId, UUID userId, long afterSeq, int limit) {
        return find("tenantId = ?1 and userId = ?2 and seq > ?3", Sort.by("seq"), tenantId, userId, afterSeq)
                .page(Page.ofSize(limit)).list();
    }

    /**
     * Up to {@code limit} of a user's notifications numbered below {@code beforeSeq}, newest first.
     *
     * @param unreadOnly leave out the read ones
     */
    public static Uni<List<Notification>> listBefore(UUID tenantId, UUID userId, long beforeSeq, boolean unreadOnly,
                                                     int limit) {
        String query = "tenantId = ?1 and userId = ?2 and seq < ?3" + (unreadOnly ? " and readAt is null" : "");
        return find(query, Sort.by("seq").descending(), tenantId, userId, beforeSeq).page(Page.ofSize(limit)).list();
    }

    /** How many notifications a user has. */
    public static Uni<Long> countFor(UUID tenantId, UUID userId) {
        return count("tenantId = ?1 and userId = ?2", tenantId, userId);
    }

    /** How many of a user's notifications are unread. */
    public static Uni<Long> countUnread(UUID tenantId, UUID userId) {
        return count("tenantId = ?1 and userId = ?2 and readAt is null", tenantId, userId);
    }

    /** Marks one of a user's notifications read (a read one keeps its time); returns 0 when it is not theirs. */
    public static Uni<Integer> markRead(UUID tenantId, UUID userId, long id, Instant at) {
        return update("readAt = coalesce(readAt, ?1) where id = ?2 and tenantId = ?3 and userId = ?4", at, id, tenantId, userId);
    }

    /** Marks a user's unread notifications numbered up to {@code upToSeq} read; returns how many changed. */
    public static Uni<Integer> markAllRead(UUID tenantId, UUID userId, long upToSeq, Instant at) {
        return update("readAt = ?1 where tenantId = ?2 and userId = ?3 and readAt is null and seq <= ?4",
                at, tenantId, userId, upToSeq);
    }

    /** Deletes one of a user's notifications; returns 0 when it is not theirs. */
    public static Uni<Long> deleteOne(UUID tenantId, UUID userId, long id) {
        return delete("id = ?1 and tenantId = ?2 and userId = ?3", id, tenantId, userId);
    }

    /** Deletes up to {@code limit} notifications created before a moment; returns how many. */
    public static Uni<Integer> deleteCreatedBefore(Instant before, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "delete from notification where id in (select id from notification where created_at < ?1 limit ?2)")
                .setParameter(1, before).setParameter(2, limit).executeUpdate());
    }
}
