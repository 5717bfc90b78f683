package dev.kelas.learning.academic.dto;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A change to a term (PATCH); only the fields given change. */
public record TermPatch(@Size(min = 1, max = 100) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
                        LocalDate startsOn, LocalDate endsOn) {
}
