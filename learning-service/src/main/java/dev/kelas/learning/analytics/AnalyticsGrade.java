package dev.kelas.learning.analytics;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Read model: a grade as recorded and, once released, as its student sees it (id = grade id). */
@Entity
@Table(name = "analytics_grade")
public class AnalyticsGrade extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID tenantId;
    public UUID assignmentId;
    public UUID classId;
    public UUID studentId;
    public String title;
    public BigDecimal maxScore;
    public BigDecimal recordedScore;
    public Instant recordedAt;
    public boolean released;
    public BigDecimal releasedScore;
    public boolean excused;
    public Instant releasedAt;
}
