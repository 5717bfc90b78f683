package dev.kelas.learning.analytics;

import dev.kelas.learning.config.LearningConfig;
import dev.kelas.runtime.problem.ValidationException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * The per-school analytics setting: whether students see leaderboards. A school that never set it follows
 * {@code kelas.learning.analytics.student-leaderboards}; only administrators change it (checked by the resource).
 */
@ApplicationScoped
public class AnalyticsSettingsService {
    private final LearningConfig config;

    public AnalyticsSettingsService(LearningConfig config) {
        this.config = config;
    }

    /** The school's setting: the stored row, else the configured default. Call inside a session. */
    public Uni<AnalyticsSettings> settings(UUID tenantId) {
        return AnalyticsSetting.<AnalyticsSetting>findById(tenantId).map(found -> found == null
                ? new AnalyticsSettings(config.analytics().studentLeaderboards(), true, null)
                : new AnalyticsSettings(found.studentLeaderboards, false, found.updatedAt));
    }

    /** The caller's school's setting. */
    @WithSession
    public Uni<AnalyticsSettings> readSettings(Caller caller) {
        return settings(caller.tenantId());
    }

    /**
     * Sets the caller's school's setting.
     *
     * @throws ValidationException {@code studentLeaderboards} missing
     */
    @WithTransaction
    public Uni<AnalyticsSettings> changeSettings(Caller caller, Boolean studentLeaderboards) {
        if (studentLeaderboards == null) {
            throw new ValidationException("studentLeaderboards", "must be true or false");
        }
        return AnalyticsSetting.<AnalyticsSetting>findById(caller.tenantId()).chain(found -> {
            AnalyticsSetting setting = found != null ? found : new AnalyticsSetting();
            setting.tenantId = caller.tenantId();
            setting.studentLeaderboards = studentLeaderboards;
            setting.updatedAt = Instant.now();
            return setting.<AnalyticsSetting>persist();
        }).map(saved -> new AnalyticsSettings(saved.studentLeaderboards, false, saved.updatedAt));
    }
}
