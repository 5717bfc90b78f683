package dev.kelas.learning.records.dto;

import dev.kelas.learning.records.GuardianService.Guardian;
import java.time.Instant;
import java.util.UUID;

/** A PARENT account linked to a student. */
public record GuardianResponse(UUID parentId, UUID studentId, String name, String email, Instant linkedAt) {
    public static GuardianResponse of(Guardian g) {
        return new GuardianResponse(g.link().parentId, g.link().studentId, g.parent() == null ? null : g.parent().name,
                g.parent() == null ? null : g.parent().email, g.link().createdAt);
    }
}
