package dev.kelas.learning.assignment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An assignment's rubric as one value: its criteria, each with its levels. The most a rubric gives is
 * the sum over criteria of each criterion's best level, and it equals the assignment's points.
 */
public record Rubric(List<Criterion> criteria) {

    /** A criterion with its levels in order. */
    public record Criterion(RubricCriterion criterion, List<RubricLevel> levels) {
        /** The most points any level of this criterion gives. */
        public BigDecimal maxPoints() {
            return levels.stream().map(l -> l.points).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        }
    }

    /** Whether the assignment has no rubric. */
    public boolean isEmpty() {
        return criteria.isEmpty();
    }

    /** The highest total a student can reach. */
    public BigDecimal maxPoints() {
        return criteria.stream().map(Criterion::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Criteria by id. */
    public Map<UUID, Criterion> byId() {
        return criteria.stream().collect(Collectors.toMap(c -> c.criterion().id, Function.identity()));
    }
}
