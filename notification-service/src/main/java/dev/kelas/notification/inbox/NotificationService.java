package dev.kelas.notification.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelas.runtime.problem.NotFoundException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Each user's stored notifications (the inbox): reading, marking read, deleting, and retention. */
@ApplicationScoped
public class NotificationService {
    private static final int RETENTION_BATCH = 1000;
    private final ObjectMapper json;

    public NotificationService(ObjectMapper json) {
        this.json = json;
    }

    /**
     * One page of the inbox, newest first.
     *
     * @param nextCursor pass as {@code before} for the next page; null on the last page
     * @param total      the user's notifications in all
     * @param unread     how many of them are unread
     */
    public record InboxPage(List<NotificationView> items, String nextCursor, long total, long unread) {
    }

    /** The highest number given to a notification of this user so far, 0 if none. */
    @WithSession
    public Uni<Long> lastSeq(UUID tenantId, UUID userId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select coalesce(max(last_seq), 0) from notification_sequence where user_id = ?1 and tenant_id = ?2",
                        Long.class)
                .setParameter(1, userId).setParameter(2, tenantId).getSingleResult());
    }

    /** The notifications of a user numbered above {@code afterSeq}, oldest first. */
    @WithSession
    public Uni<List<NotificationView>> missedSince(UUID tenantId, UUID userId, long afterSeq, int limit) {
        return Notification.listAfter(tenantId, userId, afterSeq, limit)
                .map(list -> list.stream().map(n -> NotificationView.of(n, json)).toList());
    }

    /**
     * A page of a user's inbox, newest first.
     *
     * @param beforeSeq only notifications numbered below this (the previous page's cursor), or null for the newest
     * @param unreadOnly leave out read notifications
     */
    @WithSession
    public Uni<InboxPage> inbox(UUID tenantId, UUID userId, Long beforeSeq, boolean unreadOnly, int size) {
        return Notification.listBefore(tenantId, userId, beforeSeq == null ? Long.MAX_VALUE : beforeSeq, unreadOnly, size + 1)
                .chain(rows -> Notification.countFor(tenantId, userId).chain(total -> Notification.countUnread(tenantId, userId)
                        .map(unread -> {
                            List<NotificationView> items = rows.stream().limit(size).map(n -> NotificationView.of(n, json)).toList();
                            String next = rows.size() > size ? Long.toString(items.get(items.size() - 1).seq()) : null;
                            return new InboxPage(items, next, total, unread);
                        })));
    }

    /** How many of a user's notifications are unread. */
    @WithSession
    public Uni<Long> unreadCount(UUID tenantId, UUID userId) {
        return Notification.countUnread(tenantId, userId);
    }

    /**
     * Marks one of the user's notifications read (again is fine).
     *
     * @throws NotFoundException if the user has no notification with this id
     */
    @WithTransaction
    public Uni<Void> markRead(UUID tenantId, UUID userId, long id) {
        return Notification.markRead(tenantId, userId, id, Instant.now()).invoke(changed -> requireFound(changed, id))
                .replaceWithVoid();
    }

    /**
     * Marks the user's unread notifications read.
     *
     * @param upToSeq only those numbered up to this (what the client has shown), or null for all
     * @return how many were unread
     */
    @WithTransaction
    public Uni<Integer> markAllRead(UUID tenantId, UUID userId, Long upToSeq) {
        return Notification.markAllRead(tenantId, userId, upToSeq == null ? Long.MAX_VALUE : upToSeq, Instant.now());
    }

    /**
     * Deletes one of the user's notifications.
     *
     * @throws NotFoundException if the user has no notification with this id
     */
    @WithTransaction
    public Uni<Void> delete(UUID tenantId, UUID userId, long id) {
        return Notification.deleteOne(tenantId, userId, id).invoke(deleted -> requireFound(deleted, id)).replaceWithVoid();
    }

    /** Deletes one batch of notifications created before a moment; returns how many (less than a batch: done). */
    @WithTransaction
    public Uni<Integer> removeBatchCreatedBefore(Instant before) {
        return Notification.deleteCreatedBefore(before, RETENTION_BATCH);
    }

    /** Rows one retention batch deletes at most. */
    public static int retentionBatch() {
        return RETENTION_BATCH;
    }

    private static void requireFound(Number changed, long id) {
        if (changed.longValue() == 0) {
            throw new NotFoundException("notification", id);
        }
    }
}
