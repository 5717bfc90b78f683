package dev.kelas.contracts.events;

import dev.kelas.contracts.Role;
import java.time.Instant;
import java.util.UUID;

/** A user account was created in a tenant. Subject {@code kelas.auth.user.registered}. */
public record UserRegistered(UUID userId, UUID tenantId, String email, String name, Role role, Instant occurredAt) {
}
