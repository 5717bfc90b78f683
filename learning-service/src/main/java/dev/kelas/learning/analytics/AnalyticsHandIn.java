package dev.kelas.learning.analytics;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Read model: a student's hand-in (id = submission id). */
@Entity
@Table(name = "analytics_hand_in")
public class AnalyticsHandIn extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID tenantId;
    public UUID assignmentId;
    public UUID classId;
    public UUID studentId;
    public boolean late;
    public Instant handedInAt;
}
