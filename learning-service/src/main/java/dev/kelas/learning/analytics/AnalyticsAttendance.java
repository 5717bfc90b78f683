package dev.kelas.learning.analytics;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Read model: a student's latest mark in one register session (id = name-based UUID of session and student). */
@Entity
@Table(name = "analytics_attendance")
public class AnalyticsAttendance extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID tenantId;
    public UUID sessionId;
    public UUID classId;
    public UUID studentId;
    public LocalDate day;
    public String status;
    public boolean absence;
    /** The subject, or null (none, or an event from before subjects were sent). */
    public UUID subjectId;
}
