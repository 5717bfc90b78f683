package dev.kelas.auth.tenant.dto;

import java.time.Instant;
import java.util.UUID;

/** A registered school and the id of its first administrator. */
public record TenantResponse(UUID id, String slug, String name, UUID adminId, Instant createdAt) {
}
