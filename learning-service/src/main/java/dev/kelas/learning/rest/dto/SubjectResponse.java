package dev.kelas.learning.rest.dto;

import dev.kelas.learning.domain.Subject;
import java.util.UUID;

/** A subject as the API shows it. */
public record SubjectResponse(UUID id, String code, String name) {
    public static SubjectResponse of(Subject s) {
        return new SubjectResponse(s.id, s.code, s.name);
    }
}
