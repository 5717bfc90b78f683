package dev.kelas.learning.analytics;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Read model: a graded lab submission, overwritten by a regrade (id = submission id). */
@Entity
@Table(name = "analytics_lab_attempt")
public class AnalyticsLabAttempt extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID tenantId;
    public UUID taskId;
    public UUID assignmentId;
    public UUID classId;
    public UUID studentId;
    public String verdict;
    public BigDecimal score;
    public BigDecimal maxScore;
    public Instant gradedAt;
}
