package dev.kelas.lab.review;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A teacher's feedback choice for one task; a task without one gets {@link #DEFAULT_MODE} and {@link #DEFAULT_VISIBILITY}. */
@Entity
@Table(name = "task_feedback_settings")
public class FeedbackSettings extends PanacheEntityBase {
    /** What a task without settings gets. */
    public static final Mode DEFAULT_MODE = Mode.OFFLINE;
    /** When a task without settings shows feedback. */
    public static final Visibility DEFAULT_VISIBILITY = Visibility.IMMEDIATELY;

    @Id
    public UUID taskId;
    public UUID tenantId;
    @Enumerated(EnumType.STRING)
    public Mode mode;
    @Enumerated(EnumType.STRING)
    public Visibility visibility;
    public UUID updatedBy;
    public Instant updatedAt;

    /** Which reviewer writes a task's feedback. */
    public enum Mode {
        /** No feedback. */
        OFF,
        /** The offline reviewer: static analysis and what the tests show. */
        OFFLINE,
        /** AI providers in their configured order, the offline reviewer last (while no provider is configured: offline). */
        AI
    }

    /** When a student sees the feedback on their submission. */
    public enum Visibility {
        /** As soon as it is written. */
        IMMEDIATELY,
        /** Once the assignment's due time has passed (at once for an assignment without one). */
        AFTER_DUE
    }

    /** The settings of this task in this tenant, or null when it has the defaults. */
    public static Uni<FeedbackSettings> findForTask(UUID tenantId, UUID taskId) {
        return find("tenantId = ?1 and taskId = ?2", tenantId, taskId).firstResult();
    }
}
