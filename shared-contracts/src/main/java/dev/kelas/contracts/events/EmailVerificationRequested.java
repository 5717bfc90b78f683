package dev.kelas.contracts.events;

import dev.kelas.contracts.KelasEvent;
import dev.kelas.contracts.Subjects;
import java.time.Instant;
import java.util.UUID;

/**
 * A student registered themselves with a class join code (issue 15); their account waits until they prove their
 * address. Subject {@code kelas.auth.email-verification.requested}; notification-service mails the single-use link
 * with {@code token} to {@code email}. auth-service keeps only the token's hash.
 */
public record EmailVerificationRequested(UUID userId, UUID tenantId, String email, String name, String token,
                                         Instant expiresAt, Instant occurredAt) implements KelasEvent {

    @Override
    public String subject() {
        return Subjects.AUTH_EMAIL_VERIFICATION_REQUESTED;
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
