package dev.kelas.auth.tenant.dto;

import dev.kelas.auth.tenant.Tenant;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.UUID;

/** The caller's school: slug, name and settings (a JSON object). */
public record SchoolResponse(UUID id, String slug, String name, @JsonRawValue String settings, Instant createdAt) {
    public static SchoolResponse of(Tenant tenant) {
        return new SchoolResponse(tenant.id, tenant.slug, tenant.name, tenant.settings, tenant.createdAt);
    }
}
