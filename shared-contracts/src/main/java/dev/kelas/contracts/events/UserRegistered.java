package dev.kelas.contracts.events;

import dev.kelas.contracts.KelasEvent;
import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.Role;
import java.time.Instant;
import java.util.UUID;

/** A user account was created in a tenant. Subject {@code kelas.auth.user.registered}. */
public record UserRegistered(UUID userId, UUID tenantId, String email, String name, Role role, Instant occurredAt) implements KelasEvent {

    @Override
    public String subject() {
        return Subjects.AUTH_USER_REGISTERED;
    }

    @Override
    public String aggregateType() {
        return "user";
    }

    @Override
    public UUID aggregateId() {
        return userId;
    }
}
