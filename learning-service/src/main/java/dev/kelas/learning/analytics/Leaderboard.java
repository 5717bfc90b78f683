package dev.kelas.learning.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A class leaderboard: the top entries by one metric with standard competition ranking ("1224": equal values
 * share a rank, the next rank skips), and the caller's own place when they are a ranked student.
 *
 * @param ranked how many students of the class have a value for the metric (the others are not ranked)
 * @param me     the caller's own entry, or null when the caller is not ranked
 */
public record Leaderboard(UUID classId, String metric, Instant asOf, int ranked, List<Entry> entries, Entry me) {

    /** One ranked student. */
    public record Entry(int rank, UUID studentId, BigDecimal value) {
    }
}
