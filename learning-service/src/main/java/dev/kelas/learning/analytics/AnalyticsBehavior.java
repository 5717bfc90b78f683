package dev.kelas.learning.analytics;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Read model: a behaviour note's points (id = note id). */
@Entity
@Table(name = "analytics_behavior")
public class AnalyticsBehavior extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID tenantId;
    public UUID classId;
    public UUID studentId;
    public int points;
    public boolean visibleToStudent;
    public LocalDate day;
}
