package dev.kelas.auth.common.dto;

import dev.kelas.auth.account.UserAccount;
import dev.kelas.contracts.Role;
import java.time.Instant;
import java.util.UUID;

/** A user as other people may see it: never the password hash. */
public record UserResponse(UUID id, UUID tenantId, String email, String name, Role role, boolean active,
                           Instant createdAt) {
    public static UserResponse of(UserAccount user) {
        return new UserResponse(user.id, user.tenantId, user.email, user.name, user.role, user.active, user.createdAt);
    }
}
