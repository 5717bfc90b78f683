package dev.kelas.contracts.events;

import dev.kelas.contracts.Role;
import java.time.Instant;
import java.util.UUID;

/**
 * A user's name, role or active flag changed. Subject {@code kelas.auth.user.updated} (any change),
 * {@code kelas.auth.user.deactivated} or {@code kelas.auth.user.activated}; the payload is the account
 * as it now is.
 */
public record UserUpdated(UUID userId, UUID tenantId, String name, Role role, boolean active, Instant occurredAt) {
}
