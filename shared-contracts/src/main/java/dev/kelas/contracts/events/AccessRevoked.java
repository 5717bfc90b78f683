package dev.kelas.contracts.events;

import dev.kelas.contracts.KelasEvent;
import dev.kelas.contracts.Subjects;
import java.time.Instant;
import java.util.UUID;

/**
 * Every access token of a user with an {@code iat} at or before {@code notAfterIssuedAt} (seconds
 * precision, as JWT) is void from now on, in every service. Subject {@code kelas.auth.user.access-revoked}.
 *
 * @param reason one of {@code DEACTIVATED}, {@code ROLE_CHANGED}, {@code LOGGED_OUT_EVERYWHERE}, {@code PASSWORD_CHANGED}
 */
public record AccessRevoked(UUID userId, UUID tenantId, Instant notAfterIssuedAt, String reason, Instant occurredAt) implements KelasEvent {

    @Override
    public String subject() {
        return Subjects.AUTH_USER_ACCESS_REVOKED;
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
