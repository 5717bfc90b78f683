package dev.kelas.auth.token;

import dev.kelas.runtime.persistence.TenantEntity;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One refresh token of a login session ("family"), stored as its SHA-256 hash. Rotation marks it
 * {@code rotatedAt}; presenting a rotated token again is treated as theft and revokes the family
 * (OAuth 2.0 Security BCP, RFC 9700 section 4.14.2).
 */
@Entity
@Table(name = "refresh_token")
public class RefreshToken extends TenantEntity {
    public UUID userId;
    public UUID familyId;
    public String tokenHash;
    public Instant createdAt;
    public Instant expiresAt;
    public Instant rotatedAt;
    public Instant revokedAt;
    /** When this token was issued or the session last refreshed (idle lifetime counts from here). */
    public Instant lastUsedAt;
    public String userAgent;
    /** Client address the token was issued to. */
    public String ip;

    /** The token row with this hash, or null. */
    public static Uni<RefreshToken> findByHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResult();
    }

    /** Revokes every token of a family that is not revoked yet; returns how many. */
    public static Uni<Integer> revokeFamily(UUID familyId, Instant now) {
        return update("revokedAt = ?1 where familyId = ?2 and revokedAt is null", now, familyId);
    }

    /** Revokes every live session of a user; returns how many tokens. */
    public static Uni<Integer> revokeAllOf(UUID userId, Instant now) {
        return update("revokedAt = ?1 where userId = ?2 and revokedAt is null", now, userId);
    }

    /** The live (latest, unrevoked, unexpired) token of each of a user's sessions, newest use first. */
    public static Uni<java.util.List<RefreshToken>> liveOf(UUID userId, Instant now) {
        return list("userId = ?1 and rotatedAt is null and revokedAt is null and expiresAt > ?2 order by lastUsedAt desc",
                userId, now);
    }

    /** Whether the token may still be exchanged: not rotated, not revoked, not expired. */
    public boolean usableAt(Instant now) {
        return rotatedAt == null && revokedAt == null && now.isBefore(expiresAt);
    }
}
