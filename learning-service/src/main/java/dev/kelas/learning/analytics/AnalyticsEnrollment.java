package dev.kelas.learning.analytics;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Read model: a student's enrollment in a class, from the enrollment events (id = enrollment id). */
@Entity
@Table(name = "analytics_enrollment")
public class AnalyticsEnrollment extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID tenantId;
    public UUID classId;
    public UUID studentId;
    public String status;
    public Instant since;
}
