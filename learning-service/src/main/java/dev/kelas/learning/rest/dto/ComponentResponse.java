package dev.kelas.learning.rest.dto;

import dev.kelas.learning.domain.GradeComponent;
import java.util.UUID;

/** A grade component as the API shows it. */
public record ComponentResponse(UUID id, UUID subjectId, String name, int position) {
    public static ComponentResponse of(GradeComponent c) {
        return new ComponentResponse(c.id, c.subjectId, c.name, c.position);
    }
}
