package dev.kelas.learning.academic.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new subject; {@code code} is unique in the school, e.g. {@code MATH}. */
public record CreateSubjectRequest(@NotBlank @Pattern(regexp = "^[A-Za-z0-9._-]{1,20}$",
                                           message = "must be 1 to 20 letters, digits, '-', '_' or '.'") String code,
                                   @NotBlank @Size(max = 200) String name) {
}
