package dev.kelas.learning.enrollment.dto;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A new class.
 *
 * @param code       1 to 40 letters, digits, '-', '_' or '.', unique in the school
 * @param teacherId  optional, administrators only: the homeroom teacher (a teacher's own classes are theirs)
 * @param termId     optional: the term (default: the school's active term, if any)
 * @param gradeLevel optional: 1 to 13
 */
public record CreateClassRequest(@NotBlank @Size(max = 200) String name,
                                 @NotBlank @Pattern(regexp = "^[A-Za-z0-9._-]{1,40}$",
                                         message = "must be 1 to 40 letters, digits, '-', '_' or '.'") String code,
                                 UUID teacherId,
                                 UUID termId,
                                 @Min(1) @Max(13) Integer gradeLevel) {
}
