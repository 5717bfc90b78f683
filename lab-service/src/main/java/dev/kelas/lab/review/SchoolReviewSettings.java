package dev.kelas.lab.review;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A school's switch for AI feedback, set by its administrator; a school without a row has AI feedback on
 * ({@link #DEFAULT_AI_ENABLED}). Off: every task in AI mode gets the offline reviewer only.
 */
@Entity
@Table(name = "school_review_settings")
public class SchoolReviewSettings extends PanacheEntityBase {
    /** What a school that never chose gets. */
    public static final boolean DEFAULT_AI_ENABLED = true;

    @Id
    public UUID tenantId;
    public boolean aiEnabled;
    public UUID updatedBy;
    public Instant updatedAt;

    /** The school's row, or null when it has the default. */
    public static Uni<SchoolReviewSettings> findForSchool(UUID tenantId) {
        return findById(tenantId);
    }

    /** Whether the school lets AI providers write feedback. */
    public static Uni<Boolean> aiEnabled(UUID tenantId) {
        return findForSchool(tenantId).map(settings -> settings == null ? DEFAULT_AI_ENABLED : settings.aiEnabled);
    }
}
