package dev.kelas.notification.preferences;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A user's choice for one notification type: in-app or not, and how by e-mail. */
@Entity
@Table(name = "notification_preference")
@IdClass(NotificationPreference.Key.class)
public class NotificationPreference extends PanacheEntityBase {
    private static final String UPSERT = """
            insert into notification_preference (user_id, type, tenant_id, in_app, email, updated_at)
            values (?1, ?2, ?3, ?4, ?5, now())
            on conflict (user_id, type) do update set in_app = excluded.in_app, email = excluded.email,
                updated_at = excluded.updated_at""";

    @Id
    public UUID userId;
    @Id
    public String type;
    public UUID tenantId;
    public boolean inApp;
    @Enumerated(EnumType.STRING)
    public EmailDelivery email;
    public Instant updatedAt;

    /** A user's stored choices (types without a row keep their defaults). */
    public static Uni<List<NotificationPreference>> of(UUID tenantId, UUID userId) {
        return list("tenantId = ?1 and userId = ?2", tenantId, userId);
    }

    /** Stores a user's choice for one type, replacing an earlier one. */
    public static Uni<Void> save(UUID tenantId, UUID userId, String type, boolean inApp, EmailDelivery email) {
        return Panache.getSession().chain(session -> session.createNativeQuery(UPSERT)
                .setParameter(1, userId).setParameter(2, type).setParameter(3, tenantId)
                .setParameter(4, inApp).setParameter(5, email.name()).executeUpdate()).replaceWithVoid();
    }

    /** The composite key (user, type). */
    public static class Key implements Serializable {
        public UUID userId;
        public String type;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(userId, key.userId) && Objects.equals(type, key.type);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, type);
        }
    }
}
