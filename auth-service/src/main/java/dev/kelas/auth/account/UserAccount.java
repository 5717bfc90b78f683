package dev.kelas.auth.account;

import dev.kelas.contracts.Role;
import dev.kelas.runtime.persistence.TenantEntity;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A person's account in one school, with one role. */
@Entity
@Table(name = "app_user")
public class UserAccount extends TenantEntity {
    public String email;
    public String name;
    @Enumerated(EnumType.STRING)
    public Role role;
    /** Argon2id hash in PHC string format. */
    public String passwordHash;
    public boolean active;
    public Instant createdAt;
    public Instant updatedAt;
    /** Access tokens issued at or before this instant are void (null: none revoked). */
    public Instant tokensVoidUpTo;
    /** BCP 47 language tag the user prefers (e.g. {@code id-ID}), normalised; null: the school's. */
    public String preferredLanguage;
    /** IANA time zone id (e.g. {@code Asia/Jakarta}); null: the school's. */
    public String timeZone;
    /** Storage key of the avatar image ({@code avatars/<tenant>/<user>/<random>}); null: no avatar. */
    public String avatarKey;
    /** {@code image/png} or {@code image/jpeg}; set with {@link #avatarKey}. */
    public String avatarContentType;
    /** Hex SHA-256 of the stored avatar (its ETag); set with {@link #avatarKey}. */
    public String avatarSha256;
    /** When the avatar was set; set with {@link #avatarKey}. */
    public Instant avatarUpdatedAt;
    /** When the e-mail address was proven (an accepted invitation's link); null when it never was. */
    public Instant emailVerifiedAt;

    /** The account with this e-mail (case-insensitive) in this tenant, or null. */
    public static Uni<UserAccount> findByEmail(UUID tenantId, String email) {
        return find("tenantId = ?1 and lower(email) = lower(?2)", tenantId, email).firstResult();
    }

    /** The account with this id in this tenant, or null: other tenants' ids are not found. */
    public static Uni<UserAccount> findInTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }
}
