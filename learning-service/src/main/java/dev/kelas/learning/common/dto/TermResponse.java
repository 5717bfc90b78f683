package dev.kelas.learning.common.dto;

import dev.kelas.learning.academic.Term;
import java.time.LocalDate;
import java.util.UUID;

/** A term as the API shows it. */
public record TermResponse(UUID id, String name, String schoolYear, int semester, LocalDate startsOn, LocalDate endsOn,
                           boolean active) {
    public static TermResponse of(Term t) {
        return new TermResponse(t.id, t.name, t.schoolYear, t.semester, t.startsOn, t.endsOn, t.active);
    }
}
