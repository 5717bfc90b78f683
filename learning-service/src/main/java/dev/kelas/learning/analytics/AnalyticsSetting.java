package dev.kelas.learning.analytics;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A school's analytics setting, changed by its administrators. A school without a row uses the deployment's
 * default ({@code kelas.learning.analytics.student-leaderboards}). Not part of the event-fed read model: a rebuild
 * keeps it.
 */
@Entity
@Table(name = "analytics_setting")
public class AnalyticsSetting extends PanacheEntityBase {
    @Id
    public UUID tenantId;
    /** Whether students may see leaderboards (their class's and their grade level's). */
    public boolean studentLeaderboards;
    public Instant updatedAt;
}
