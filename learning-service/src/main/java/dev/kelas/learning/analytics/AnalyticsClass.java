package dev.kelas.learning.analytics;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Read model: a class as {@code kelas.learning.class.changed} last described it (id = class id). */
@Entity
@Table(name = "analytics_class")
public class AnalyticsClass extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID tenantId;
    public String name;
    public UUID termId;
    /** 1 to 13, or null. */
    public Short gradeLevel;
    public UUID teacherId;
    public boolean archived;
    public Instant changedAt;
}
