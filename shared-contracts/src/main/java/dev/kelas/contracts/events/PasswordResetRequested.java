package dev.kelas.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone asked to reset a user's password. Subject {@code kelas.auth.password-reset.requested};
 * notification-service mails {@code token} to {@code email}. The token is single-use and dies at
 * {@code expiresAt}; auth-service keeps only its hash.
 */
public record PasswordResetRequested(UUID userId, UUID tenantId, String email, String name, String token,
                                     Instant expiresAt, Instant occurredAt) {
}
