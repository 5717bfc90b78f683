package dev.kelas.learning.rest.dto;

import dev.kelas.learning.domain.AssignmentKind;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A new assignment, published at once.
 *
 * @param points what it is worth: more than 0, at most 10000, two decimals
 * @param dueAt  ISO-8601 instant, e.g. {@code 2026-12-01T23:59:00Z}
 */
public record CreateAssignmentRequest(@NotBlank @Size(max = 200) String title,
                                      @NotNull AssignmentKind kind,
                                      @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("10000")
                                      @Digits(integer = 5, fraction = 2) BigDecimal points,
                                      @NotNull Instant dueAt) {
}
