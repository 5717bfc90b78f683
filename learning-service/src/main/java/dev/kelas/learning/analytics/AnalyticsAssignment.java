package dev.kelas.learning.analytics;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Read model: a published assignment (id = assignment id). */
@Entity
@Table(name = "analytics_assignment")
public class AnalyticsAssignment extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID tenantId;
    public UUID classId;
    public String title;
    public String kind;
    public BigDecimal points;
    public Instant dueAt;
    public Instant publishedAt;
    /** The subject, or null (none, or an event from before subjects were sent). */
    public UUID subjectId;
    /** The version of the last {@code kelas.learning.assignment.updated} applied; 0 for the published state. */
    public int version;
    /** When it was deleted ({@code kelas.learning.assignment.deleted}); the row stays as a tombstone. */
    public Instant deletedAt;
}
