package dev.kelas.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Every access token of a user with an {@code iat} at or before {@code notAfterIssuedAt} (seconds
 * precision, as JWT) is void from now on, in every service. Subject {@code kelas.auth.user.access-revoked}.
 *
 * @param reason one of {@code DEACTIVATED}, {@code ROLE_CHANGED}, {@code LOGGED_OUT_EVERYWHERE}, {@code PASSWORD_CHANGED}
 */
public record AccessRevoked(UUID userId, UUID tenantId, Instant notAfterIssuedAt, String reason, Instant occurredAt) {
}
