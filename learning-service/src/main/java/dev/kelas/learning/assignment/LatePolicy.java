package dev.kelas.learning.assignment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * What happens to work handed in after {@code dueAt}.
 * <ul>
 *   <li>{@code PENALTY}: accepted until the cut-off (if one is set; without one, always), losing
 *       {@code penaltyPercentPerDay} percent of its points for each started day late (24 hours from the due
 *       time), at most 100 %. With 0 % per day late work is merely flagged late.</li>
 *   <li>{@code REFUSE}: nothing is accepted after {@code dueAt}.</li>
 * </ul>
 */
public enum LatePolicy {
    PENALTY, REFUSE;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * Started days between the due time and the hand-in: 0 when on time (at or before {@code dueAt}),
     * 1 for up to 24 hours late, 2 for up to 48 hours, and so on.
     */
    public static int daysLate(Instant dueAt, Instant submittedAt) {
        if (!submittedAt.isAfter(dueAt)) {
            return 0;
        }
        Duration late = Duration.between(dueAt, submittedAt);
        long days = late.toDays();
        return (int) (late.equals(Duration.ofDays(days)) ? days : days + 1);
    }

    /** {@code min(100, daysLate * penaltyPercentPerDay)}, two decimals. */
    public static BigDecimal penaltyPercent(int daysLate, BigDecimal penaltyPercentPerDay) {
        BigDecimal penalty = penaltyPercentPerDay.multiply(BigDecimal.valueOf(daysLate));
        return penalty.min(HUNDRED).setScale(2, RoundingMode.HALF_UP);
    }

    /** Whether this policy takes work handed in at {@code submittedAt}. */
    public boolean accepts(Instant dueAt, Instant cutoffAt, Instant submittedAt) {
        if (!submittedAt.isAfter(dueAt)) {
            return true;
        }
        return this == PENALTY && (cutoffAt == null || !submittedAt.isAfter(cutoffAt));
    }
}
