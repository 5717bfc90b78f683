package dev.kelas.learning.academic.dto;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A change to a grade component (PATCH); only the fields given change. {@code position}: 1 first. */
public record ComponentPatch(@Size(min = 1, max = 100) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
                             @Min(1) Integer position) {
}
