package dev.kelas.learning.analytics;

import java.time.Instant;

/**
 * A school's analytics setting as the API shows it.
 *
 * @param studentLeaderboards whether students may see leaderboards; false answers them 403 LEADERBOARD_HIDDEN
 * @param schoolDefault       true while the school has not set it (the value is the deployment's default)
 * @param updatedAt           when an administrator last set it, or null
 */
public record AnalyticsSettings(boolean studentLeaderboards, boolean schoolDefault, Instant updatedAt) {

    /** The body of {@code PUT /api/v1/analytics/settings}. */
    public record Change(Boolean studentLeaderboards) {
    }
}
