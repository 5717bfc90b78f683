package dev.kelas.notification.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One notification in one user's inbox; {@code seq} numbers a user's notifications in commit order. */
@Entity
public class Notification extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    /** 1, 2, 3, ... per user in commit order: the SSE event id. */
    public long seq;
    /** The CloudEvents id of the event that caused it. */
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "user_id")
    public UUID userId;
    /** The CloudEvents type, e.g. {@code kelas.lab.submission.graded}. */
    public String type;
    public String title;
    public String body;
    /** The event's data as JSON. */
    public String data;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "read_at")
    public Instant readAt;

    /** A user's notifications after a sequence number, oldest first, at most {@code limit}. */
    public static Uni<List<Notification>> listAfter(UUID tenantId, UUID userId, long afterSeq, int limit) {
        return find("tenantId = ?1 and userId = ?2 and seq > ?3", Sort.by("seq"), tenantId, userId, afterSeq)
                .page(Page.ofSize(limit)).list();
    }

    /** One page of a user's notifications, newest first. */
    public static Uni<List<Notification>> page(UUID tenantId, UUID userId, int page, int size) {
        return find("tenantId = ?1 and userId = ?2", Sort.by("seq").descending(), tenantId, userId)
                .page(Page.of(page, size)).list();
    }

    /** How many notifications a user has. */
    public static Uni<Long> countFor(UUID tenantId, UUID userId) {
        return count("tenantId = ?1 and userId = ?2", tenantId, userId);
    }

    /** Whether this user already has the notification for this event. */
    public static Uni<Boolean> exists(UUID eventId, UUID userId) {
        return count("eventId = ?1 and userId = ?2", eventId, userId).map(n -> n > 0);
    }
}
