package dev.kelas.notification.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelas.notification.domain.Notification;
import dev.kelas.notification.push.NotificationView;
import dev.kelas.runtime.inbox.Inbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Each user's stored notifications (the inbox). */
@ApplicationScoped
public class NotificationService {
    // The row lock taken here is held until commit, so one user's numbers follow commit order.
    private static final String NEXT_SEQ = """
            insert into notification_sequence (user_id, tenant_id, last_seq) values (?1, ?2, 1)
            on conflict (user_id) do update set last_seq = notification_sequence.last_seq + 1
            returning last_seq""";
    private final Inbox inbox;
    private final ObjectMapper json;

    public NotificationService(Inbox inbox, ObjectMapper json) {
        this.inbox = inbox;
        this.json = json;
    }

    /** What to tell one user about one event. */
    public record NewNotification(UUID tenantId, UUID userId, String type, String title, String body, Object data) {
    }

    /** One page of the inbox, newest first, with the total count. */
    public record InboxPage(List<NotificationView> items, int page, int size, long total) {
    }

    /**
     * Stores a notification once per consumer and event.
     *
     * @return the stored notification, or null for an event seen before
     */
    @WithTransaction
    public Uni<NotificationView> notifyUser(String consumer, UUID eventId, NewNotification draft) {
        return inbox.once(consumer, eventId, () -> {
            Notification notification = new Notification();
            notification.eventId = eventId;
            notification.tenantId = draft.tenantId();
            notification.userId = draft.userId();
            notification.type = draft.type();
            notification.title = draft.title();
            notification.body = draft.body();
            notification.createdAt = Instant.now();
            try {
                notification.data = json.writeValueAsString(draft.data());
            } catch (Exception e) {
                return Uni.createFrom().failure(e);
            }
            return Panache.getSession()
                    .chain(session -> session.createNativeQuery(NEXT_SEQ, Long.class)
                            .setParameter(1, draft.userId()).setParameter(2, draft.tenantId()).getSingleResult())
                    .chain(seq -> {
                        notification.seq = seq;
                        return notification.persist();
                    })
                    .map(saved -> NotificationView.of(notification, json));
        });
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

    /** One page (from 0) of a user's inbox, newest first. */
    @WithSession
    public Uni<InboxPage> inbox(UUID tenantId, UUID userId, int page, int size) {
        return Notification.page(tenantId, userId, page, size)
                .chain(items -> Notification.countFor(tenantId, userId)
                        .map(total -> new InboxPage(items.stream().map(n -> NotificationView.of(n, json)).toList(),
                                page, size, total)));
    }
}
