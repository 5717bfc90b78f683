package dev.kelas.learning.analytics;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The time of the newest event applied to a school's read model (the {@code asOf} of its analytics). */
@Entity
@Table(name = "analytics_watermark")
public class AnalyticsWatermark extends PanacheEntityBase {
    @Id
    public UUID tenantId;
    public Instant asOf;
}
