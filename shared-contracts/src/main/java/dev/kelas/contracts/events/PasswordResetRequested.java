package dev.kelas.contracts.events;

import dev.kelas.contracts.KelasEvent;
import dev.kelas.contracts.Subjects;
import java.time.Instant;
import java.util.UUID;

/**
 * Someone asked to reset a user's password. Subject {@code kelas.auth.password-reset.requested};
 * notification-service mails {@code token} to {@code email}. The token is single-use and dies at
 * {@code expiresAt}; auth-service keeps only its hash.
 */
public record PasswordResetRequested(UUID userId, UUID tenantId, String email, String name, String token,
                                     Instant expiresAt, Instant occurredAt) implements KelasEvent {

    @Override
    public String subject() {
        return Subjects.AUTH_PASSWORD_RESET_REQUESTED;
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
