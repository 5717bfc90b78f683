package dev.kelas.learning.calendar;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** A user's calendar-feed token, kept only as its SHA-256 (hex); one per user, replaced when rotated. */
@Entity
public class CalendarFeedToken extends PanacheEntityBase {
    @Id
    public UUID userId;
    public UUID tenantId;
    public String tokenHash;
    public Instant createdAt;

    /** The token row with this hash, or null. */
    public static Uni<CalendarFeedToken> findByHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResult();
    }
}
