package dev.kelas.contracts.events;

import dev.kelas.contracts.KelasEvent;
import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.Role;
import java.time.Instant;
import java.util.UUID;

/**
 * A user account was created in a tenant (or, for a self-registered student, became usable once its e-mail address was
 * verified). Subject {@code kelas.auth.user.registered}.
 *
 * @param joinClassId the class whose join code a self-registered student used (learning-service enrolls them), or null
 */
public record UserRegistered(UUID userId, UUID tenantId, String email, String name, Role role, Instant occurredAt,
                             UUID joinClassId) implements KelasEvent {

    /** An account that joins no class by itself. */
    public UserRegistered(UUID userId, UUID tenantId, String email, String name, Role role, Instant occurredAt) {
        this(userId, tenantId, email, name, role, occurredAt, null);
    }

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
