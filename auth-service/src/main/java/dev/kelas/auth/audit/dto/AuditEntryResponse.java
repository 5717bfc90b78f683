package dev.kelas.auth.audit.dto;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.UUID;

/** One audit-log entry; {@code details} is the JSON object of what changed. */
public record AuditEntryResponse(UUID id, UUID actorId, String action, String targetType, UUID targetId,
                                 @JsonRawValue String details, String ip, String userAgent, Instant at) {
}
