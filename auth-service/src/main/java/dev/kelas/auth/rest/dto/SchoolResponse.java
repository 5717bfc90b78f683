package dev.kelas.auth.rest.dto;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.kelas.auth.domain.Tenant;
import java.time.Instant;
import java.util.UUID;

/** The caller's school: slug, name and settings (a JSON object). */
public record SchoolResponse(UUID id, String slug, String name, @JsonRawValue String settings, Instant createdAt) {
    public static SchoolResponse of(Tenant tenant) {
        return new SchoolResponse(tenant.id, tenant.slug, tenant.name, tenant.settings, tenant.createdAt);
    }
}
