package dev.kelas.learning.enrollment.dto;

import dev.kelas.learning.enrollment.SchoolClass;
import java.time.Instant;
import java.util.UUID;

/** A class as the API shows it; {@code teacherId} is its homeroom teacher, {@code archivedAt} null while in use. */
public record ClassResponse(UUID id, String name, String code, UUID teacherId, UUID termId, Integer gradeLevel,
                            Instant createdAt, Instant archivedAt) {
    public static ClassResponse of(SchoolClass c) {
        return new ClassResponse(c.id, c.name, c.code, c.teacherId, c.termId,
                c.gradeLevel == null ? null : c.gradeLevel.intValue(), c.createdAt, c.archivedAt);
    }
}
