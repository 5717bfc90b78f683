package dev.kelas.auth.common.dto;

import dev.kelas.auth.account.UserAccount;
import dev.kelas.contracts.Role;
import java.time.Instant;
import java.util.UUID;

/**
 * A user as other people may see it: never the password hash. {@code preferredLanguage} (BCP 47) and
 * {@code timeZone} (IANA) are null where the user has not chosen; {@code avatarUrl} is the path of the avatar
 * image ({@code GET /api/v1/users/{id}/avatar?v=<first 12 hex of its SHA-256>}, a new URL whenever it changes), or
 * null without one.
 */
public record UserResponse(UUID id, UUID tenantId, String email, String name, Role role, boolean active,
                           Instant createdAt, String preferredLanguage, String timeZone, String avatarUrl) {
    public static UserResponse of(UserAccount user) {
        String avatarUrl = user.avatarKey == null ? null
                : "/api/v1/users/" + user.id + "/avatar?v=" + user.avatarSha256.substring(0, 12);
        return new UserResponse(user.id, user.tenantId, user.email, user.name, user.role, user.active, user.createdAt,
                user.preferredLanguage, user.timeZone, avatarUrl);
    }
}
