package dev.kelas.auth.account.dto;

import java.time.Instant;
import java.util.UUID;

/** A live login session: when it began and was last used, from which client; {@code current} is the caller's. */
public record SessionResponse(UUID id, Instant createdAt, Instant lastUsedAt, Instant expiresAt, String userAgent, String ip,
                              boolean current) {
}
