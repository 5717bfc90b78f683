package dev.kelas.learning.grading.dto;

import dev.kelas.learning.grading.GradingService;

import dev.kelas.learning.grading.GradingService.GradeDraft;
import dev.kelas.learning.grading.GradingService.LevelChoice;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A teacher's grade: exactly one of {@code points}, {@code rubric} or {@code excused: true}.
 *
 * @param points raw points before any late penalty, 0 to the assignment's points
 * @param rubric one level per criterion of the assignment's rubric; the raw points are their sum
 * @param reason why; required when an existing grade changes (kept in the audit trail)
 */
public record GradeRequest(@DecimalMin("0") @Digits(integer = 5, fraction = 2) BigDecimal points,
                           @Size(max = 50) List<@NotNull @Valid Choice> rubric,
                           Boolean excused,
                           @Size(max = 20000) String feedback,
                           @Size(max = 500) String reason) {

    /** The level chosen on one criterion. */
    public record Choice(@NotNull UUID criterionId, @NotNull UUID levelId) {
    }

    /** The service's view of it. */
    public GradeDraft draft() {
        return new GradeDraft(points, rubric == null ? null : rubric.stream()
                .map(c -> new LevelChoice(c.criterionId(), c.levelId())).toList(),
                Boolean.TRUE.equals(excused), feedback, reason);
    }
}
