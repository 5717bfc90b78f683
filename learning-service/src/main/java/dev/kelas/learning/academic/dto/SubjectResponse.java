package dev.kelas.learning.academic.dto;

import dev.kelas.learning.academic.Subject;
import java.util.UUID;

/** A subject as the API shows it. */
public record SubjectResponse(UUID id, String code, String name) {
    public static SubjectResponse of(Subject s) {
        return new SubjectResponse(s.id, s.code, s.name);
    }
}
