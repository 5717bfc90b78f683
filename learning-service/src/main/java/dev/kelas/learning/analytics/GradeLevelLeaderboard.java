package dev.kelas.learning.analytics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A leaderboard of one grade level in one term: the ACTIVE students of all its classes ranked by one metric over
 * their rows in those classes, with standard competition ranking ("1224"), like {@link Leaderboard}.
 *
 * @param classIds the classes of the grade level in the term (from {@code kelas.learning.class.changed}), by id
 * @param ranked   how many of their ACTIVE students have a value for the metric
 * @param me       the caller's own entry, or null when the caller is not ranked
 */
public record GradeLevelLeaderboard(UUID termId, int gradeLevel, String metric, Instant asOf, List<UUID> classIds, int ranked,
                                    List<Leaderboard.Entry> entries, Leaderboard.Entry me) {
}
