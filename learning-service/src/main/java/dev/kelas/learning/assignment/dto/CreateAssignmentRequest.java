package dev.kelas.learning.assignment.dto;

import dev.kelas.learning.assignment.AssignmentService;

import dev.kelas.learning.assignment.AssignmentKind;
import dev.kelas.learning.assignment.AssignmentStatus;
import dev.kelas.learning.assignment.CodingScorePolicy;
import dev.kelas.learning.assignment.LatePolicy;
import dev.kelas.learning.assignment.AssignmentService.AssignmentDraft;
import dev.kelas.learning.assignment.AssignmentService.CriterionDraft;
import dev.kelas.learning.assignment.AssignmentService.LevelDraft;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A new assignment. Only {@code title}, {@code kind}, {@code points} and {@code dueAt} are required.
 *
 * @param points             what it is worth: more than 0, at most 10000, two decimals
 * @param dueAt              ISO-8601 instant, e.g. {@code 2026-12-01T23:59:00Z}
 * @param status             {@code PUBLISHED} (default: announced at once) or {@code DRAFT}
 * @param subjectId          the subject it counts toward in the gradebook
 * @param componentId        the subject's grade component it counts toward
 * @param latePolicy         {@code PENALTY} (default) or {@code REFUSE}
 * @param latePenaltyPercent percent of the points lost per started day late, 0 (default) to 100
 * @param lateCutoffAt       under PENALTY, nothing is accepted after this (default: no cut-off)
 * @param maxAttempts        hand-ins allowed per student, 1 to 100 (default: no limit)
 * @param codingScorePolicy  for CODING: {@code BEST} (default) or {@code LATEST} lab attempt
 * @param rubric             criteria with levels; the best levels must add up to {@code points}
 */
public record CreateAssignmentRequest(@NotBlank @Size(max = 200) String title,
                                      @NotNull AssignmentKind kind,
                                      @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("10000")
                                      @Digits(integer = 5, fraction = 2) BigDecimal points,
                                      @NotNull Instant dueAt,
                                      @Size(max = 20000) String description,
                                      AssignmentStatus status,
                                      UUID subjectId,
                                      UUID componentId,
                                      LatePolicy latePolicy,
                                      @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
                                      BigDecimal latePenaltyPercent,
                                      Instant lateCutoffAt,
                                      @Min(1) @Max(100) Integer maxAttempts,
                                      CodingScorePolicy codingScorePolicy,
                                      @Size(max = 50) List<@NotNull @Valid Criterion> rubric) {

    /** A rubric criterion with 1 to 10 levels. */
    public record Criterion(@NotBlank @Size(max = 200) String title, @Size(max = 2000) String description,
                            @NotEmpty @Size(max = 10) List<@NotNull @Valid Level> levels) {
    }

    /** A level of a criterion and the points it gives. */
    public record Level(@NotBlank @Size(max = 200) String title,
                        @NotNull @DecimalMin("0") @DecimalMax("10000") @Digits(integer = 5, fraction = 2) BigDecimal points) {
    }

    /** The service's view of it. */
    public AssignmentDraft draft() {
        List<CriterionDraft> criteria = rubric == null ? List.of() : rubric.stream()
                .map(c -> new CriterionDraft(c.title(), c.description(),
                        c.levels().stream().map(l -> new LevelDraft(l.title(), l.points())).toList()))
                .toList();
        return new AssignmentDraft(title, description, kind, points, dueAt, status, subjectId, componentId, latePolicy,
                latePenaltyPercent, lateCutoffAt, maxAttempts, codingScorePolicy, criteria);
    }
}
