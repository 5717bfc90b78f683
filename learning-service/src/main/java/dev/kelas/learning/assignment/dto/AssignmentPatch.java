package dev.kelas.learning.assignment.dto;

import dev.kelas.learning.assignment.AssignmentService.AssignmentChange;
import dev.kelas.learning.assignment.AssignmentService.CriterionDraft;
import dev.kelas.learning.assignment.AssignmentService.LevelDraft;
import dev.kelas.learning.assignment.LatePolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A change to an assignment (PATCH): only the fields given change. {@code points} changed after grading rescales
 * the grades proportionally (see docs/api.md); {@code rubric} replaces the whole rubric, whose best levels must add
 * up to the (new) points.
 *
 * @param title              1 to 200 characters, not blank
 * @param points             more than 0, at most 10000, two decimals
 * @param dueAt              ISO-8601 instant
 * @param latePolicy         {@code PENALTY} or {@code REFUSE} (REFUSE drops a cut-off)
 * @param latePenaltyPercent percent of the points lost per started day late, 0 to 100
 * @param lateCutoffAt       under PENALTY, nothing is accepted after this
 * @param maxAttempts        hand-ins allowed per student, 1 to 100
 */
public record AssignmentPatch(@Size(min = 1, max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String title,
                              @Size(max = 20000) String description,
                              Instant dueAt,
                              LatePolicy latePolicy,
                              @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal latePenaltyPercent,
                              Instant lateCutoffAt,
                              @DecimalMin(value = "0", inclusive = false) @DecimalMax("10000") @Digits(integer = 5, fraction = 2)
                              BigDecimal points,
                              @Min(1) @Max(100) Integer maxAttempts,
                              @Size(max = 50) List<CreateAssignmentRequest.@NotNull @Valid Criterion> rubric) {

    /** The service's view of it. */
    public AssignmentChange toChange() {
        List<CriterionDraft> criteria = rubric == null ? null : rubric.stream()
                .map(c -> new CriterionDraft(c.title(), c.description(),
                        c.levels().stream().map(l -> new LevelDraft(l.title(), l.points())).toList()))
                .toList();
        return new AssignmentChange(title, description, dueAt, latePolicy, latePenaltyPercent, lateCutoffAt, points,
                maxAttempts, criteria);
    }
}
