package dev.kelas.learning.grading;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The one function that computes a student's final grade in a subject of a class. Every view of a
 * final grade (class gradebook, report card, grade report, CSV export) calls {@link #compute}.
 *
 * <p>The formula, for one student, one class and one subject:
 * <ol>
 *   <li><b>Effective points</b> of a GRADED item: {@code e = round2(raw * (100 - p) / 100)} where {@code p} is
 *       the item's late penalty in percent, clamped to 0..100 (see {@link #effectivePoints}). A MISSING item
 *       has {@code e = 0}.</li>
 *   <li><b>Counted items</b> are the GRADED and MISSING ones. EXCUSED and PENDING items (not yet due, not yet
 *       released to this reader, or outside the student's enrollment) are left out: they add neither points
 *       earned nor points possible.</li>
 *   <li><b>Item percentage</b> {@code q = 100 * e / max}, where {@code max} is the assignment's points.</li>
 *   <li><b>Drop lowest</b>: in each component with {@code dropLowest = k}, the {@code k} counted items with the
 *       lowest {@code q} are dropped (ties: the smaller assignment id first), but at least one item stays.
 *       Items without a component, or whose component has no rule, drop nothing.</li>
 *   <li><b>Component percentage</b> {@code P_c} = the mean of {@code q} over the kept items of component
 *       {@code c}; every assignment counts the same within its component. A component without a kept
 *       item has no percentage.</li>
 *   <li><b>Final grade</b>:
 *     <ul>
 *       <li>WEIGHTED: {@code sum(w_c * P_c) / sum(w_c)} over the components that have a percentage and a rule
 *           with weight {@code w_c > 0}. The configured weights sum to 100; when a component has nothing
 *           counted yet its weight is shared out among the others in proportion (the divisor is the sum of
 *           the weights present). Items in no configured component do not count.</li>
 *       <li>AVERAGE: the mean of {@code q} over every kept item, with or without a component.</li>
 *     </ul>
 *   </li>
 *   <li><b>Rounding</b>: {@code e} is rounded to 2 decimals, half up (as stored on the grade). Percentages are
 *       carried with 10 decimals (half up) through every step; only the returned component percentages and
 *       the final grade are rounded, to 2 decimals, half up. The final grade is computed from the unrounded
 *       component percentages. With no counted item the final grade is null (not 0).</li>
 * </ol>
 * Percentages are on a 0..100 scale. Pure: no I/O, no clock.
 */
public final class FinalGrade {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int SCALE = 10;

    private FinalGrade() {
    }

    /** Whether and how an assignment counts for the student. */
    public enum Status {
        /** Graded: counts with its effective points. */
        GRADED,
        /** Excused by the teacher: left out. */
        EXCUSED,
        /** Not handed in or not graded after it was due: counts as 0. */
        MISSING,
        /** Not counted yet: not due, not released to this reader, or outside the student's enrollment. */
        PENDING
    }

    /**
     * One assignment as it stands for the student.
     *
     * @param componentId        the grade component it counts toward, or null
     * @param maxPoints          the assignment's points, more than 0
     * @param rawPoints          points the work earned before any late penalty (GRADED only)
     * @param latePenaltyPercent the late penalty in percent (GRADED only; null means 0)
     */
    public record Item(UUID assignmentId, UUID componentId, BigDecimal maxPoints, BigDecimal rawPoints,
                       BigDecimal latePenaltyPercent, Status status) {
        public Item {
            Objects.requireNonNull(assignmentId, "assignmentId");
            Objects.requireNonNull(maxPoints, "maxPoints");
            Objects.requireNonNull(status, "status");
            if (maxPoints.signum() <= 0) {
                throw new IllegalArgumentException("maxPoints must be positive");
            }
            if (status == Status.GRADED && rawPoints == null) {
                throw new IllegalArgumentException("a GRADED item needs rawPoints");
            }
        }

        /** A graded item. */
        public static Item graded(UUID assignmentId, UUID componentId, BigDecimal maxPoints, BigDecimal rawPoints,
                                  BigDecimal latePenaltyPercent) {
            return new Item(assignmentId, componentId, maxPoints, rawPoints, latePenaltyPercent, Status.GRADED);
        }

        /** An item without points: EXCUSED, MISSING or PENDING. */
        public static Item ungraded(UUID assignmentId, UUID componentId, BigDecimal maxPoints, Status status) {
            return new Item(assignmentId, componentId, maxPoints, null, null, status);
        }

        boolean counted() {
            return status == Status.GRADED || status == Status.MISSING;
        }

        BigDecimal percent() {
            BigDecimal points = status == Status.GRADED ? effectivePoints(rawPoints, latePenaltyPercent) : BigDecimal.ZERO;
            return points.multiply(HUNDRED).divide(maxPoints, SCALE, RoundingMode.HALF_UP);
        }
    }

    /**
     * A component's rule in the class's configuration.
     *
     * @param weight     percent of the final grade (WEIGHTED); ignored by AVERAGE
     * @param dropLowest how many of its lowest counted results are dropped, 0 or more
     */
    public record ComponentRule(UUID componentId, BigDecimal weight, int dropLowest) {
    }

    /**
     * @param finalPercent      0..100 with 2 decimals, or null when nothing counts yet
     * @param componentPercents per component with a kept item, 0..100 with 2 decimals, in rule order then first seen
     * @param dropped           the assignments dropped as lowest
     */
    public record Result(BigDecimal finalPercent, Map<UUID, BigDecimal> componentPercents, Set<UUID> dropped) {
    }

    /**
     * Points that count after a late penalty: {@code raw * (100 - p) / 100}, {@code p} clamped to 0..100,
     * rounded to 2 decimals half up. A null penalty is 0.
     */
    public static BigDecimal effectivePoints(BigDecimal rawPoints, BigDecimal latePenaltyPercent) {
        BigDecimal penalty = latePenaltyPercent == null ? BigDecimal.ZERO
                : latePenaltyPercent.max(BigDecimal.ZERO).min(HUNDRED);
        return rawPoints.multiply(HUNDRED.subtract(penalty)).divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }

    /**
     * Computes the final grade by the formula in this class's comment.
     *
     * @param method the class's method in the subject
     * @param rules  the configured components (for AVERAGE only their drop-lowest matters; may be empty)
     * @param items  every published assignment of the class in the subject, as it stands for the student
     */
    public static Result compute(GradingMethod method, List<ComponentRule> rules, List<Item> items) {
        Map<UUID, ComponentRule> ruleById = new LinkedHashMap<>();
        rules.forEach(rule -> ruleById.put(rule.componentId(), rule));

        Map<UUID, List<Item>> byComponent = new LinkedHashMap<>();
        ruleById.keySet().forEach(id -> byComponent.put(id, new ArrayList<>()));
        List<Item> withoutComponent = new ArrayList<>();
        for (Item item : items) {
            if (!item.counted()) {
                continue;
            }
            if (item.componentId() == null) {
                withoutComponent.add(item);
            } else {
                byComponent.computeIfAbsent(item.componentId(), id -> new ArrayList<>()).add(item);
            }
        }

        Set<UUID> dropped = new HashSet<>();
        Map<UUID, List<BigDecimal>> keptPercents = new LinkedHashMap<>();
        byComponent.forEach((componentId, counted) -> {
            ComponentRule rule = ruleById.get(componentId);
            int drop = rule == null ? 0 : Math.min(Math.max(rule.dropLowest(), 0), Math.max(counted.size() - 1, 0));
            List<Scored> lowestFirst = new ArrayList<>(counted.stream().map(item -> new Scored(item, item.percent())).toList());
            lowestFirst.sort(Comparator.comparing(Scored::percent).thenComparing(s -> s.item().assignmentId()));
            lowestFirst.subList(0, drop).forEach(s -> dropped.add(s.item().assignmentId()));
            List<BigDecimal> kept = lowestFirst.subList(drop, lowestFirst.size()).stream().map(Scored::percent).toList();
            if (!kept.isEmpty()) {
                keptPercents.put(componentId, kept);
            }
        });

        Map<UUID, BigDecimal> componentPercents = new LinkedHashMap<>();
        keptPercents.forEach((componentId, kept) -> componentPercents.put(componentId, mean(kept)));

        BigDecimal finalPercent = switch (method) {
            case WEIGHTED -> weighted(componentPercents, ruleById);
            case AVERAGE -> {
                List<BigDecimal> all = new ArrayList<>();
                keptPercents.values().forEach(all::addAll);
                withoutComponent.forEach(item -> all.add(item.percent()));
                yield all.isEmpty() ? null : mean(all);
            }
        };
        return new Result(round2(finalPercent), componentPercents.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> round2(e.getValue()), (a, b) -> a, LinkedHashMap::new)),
                Collections.unmodifiableSet(dropped));
    }

    /** An item with its percentage, computed once. */
    private record Scored(Item item, BigDecimal percent) {
    }

    private static BigDecimal weighted(Map<UUID, BigDecimal> componentPercents, Map<UUID, ComponentRule> rules) {
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        for (Map.Entry<UUID, BigDecimal> entry : componentPercents.entrySet()) {
            ComponentRule rule = rules.get(entry.getKey());
            if (rule == null || rule.weight() == null || rule.weight().signum() <= 0) {
                continue;
            }
            weighted = weighted.add(rule.weight().multiply(entry.getValue()));
            weights = weights.add(rule.weight());
        }
        return weights.signum() == 0 ? null : weighted.divide(weights, SCALE, RoundingMode.HALF_UP);
    }

    private static BigDecimal mean(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), SCALE, RoundingMode.HALF_UP);
    }

    private static BigDecimal round2(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }
}
