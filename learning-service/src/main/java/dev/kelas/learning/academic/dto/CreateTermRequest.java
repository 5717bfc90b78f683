package dev.kelas.learning.academic.dto;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A new term.
 *
 * @param schoolYear e.g. {@code 2026/2027}
 * @param semester   1 to 4
 * @param active     make it the active term now (the first term of a school is active anyway)
 */
public record CreateTermRequest(@NotBlank @Size(max = 100) String name,
                                @NotBlank @Pattern(regexp = "^\\d{4}/\\d{4}$", message = "must look like 2026/2027") String schoolYear,
                                @NotNull @Min(1) @Max(4) Integer semester,
                                @NotNull LocalDate startsOn,
                                @NotNull LocalDate endsOn,
                                Boolean active) {
}
