package dev.kelas.learning.academic.dto;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A change to a subject (PATCH); only the fields given change. {@code code} stays unique in the school. */
public record SubjectPatch(@Pattern(regexp = "^[A-Za-z0-9._-]{1,20}$", message = "must be 1 to 20 letters, digits, '-', '_' or '.'") String code,
                           @Size(min = 1, max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name) {
}
