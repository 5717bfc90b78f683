package dev.kelas.learning.rest.dto;

import dev.kelas.learning.domain.SchoolClass;
import java.time.Instant;
import java.util.UUID;

/** A class as the API shows it. */
public record ClassResponse(UUID id, String name, String code, UUID teacherId, Instant createdAt) {
    public static ClassResponse of(SchoolClass c) {
        return new ClassResponse(c.id, c.name, c.code, c.teacherId, c.createdAt);
    }
}
