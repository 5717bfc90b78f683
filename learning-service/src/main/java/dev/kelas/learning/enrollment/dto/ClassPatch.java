package dev.kelas.learning.enrollment.dto;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A change to a class (PATCH); only the fields given change. {@code code} stays unique in the school. */
public record ClassPatch(@Size(min = 1, max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
                         @Pattern(regexp = "^[A-Za-z0-9._-]{1,40}$", message = "must be 1 to 40 letters, digits, '-', '_' or '.'") String code,
                         @Min(1) @Max(13) Integer gradeLevel) {
}
