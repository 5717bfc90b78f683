package dev.kelas.learning.academic.dto;

import dev.kelas.learning.academic.GradeComponent;
import java.util.UUID;

/** A grade component as the API shows it. */
public record ComponentResponse(UUID id, UUID subjectId, String name, int position) {
    public static ComponentResponse of(GradeComponent c) {
        return new ComponentResponse(c.id, c.subjectId, c.name, c.position);
    }
}
