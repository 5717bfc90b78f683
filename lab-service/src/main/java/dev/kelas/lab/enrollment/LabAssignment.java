package dev.kelas.lab.enrollment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** lab-service's copy of a published assignment, from the {@code kelas.learning.assignment.*} events. */
@Entity
@Table(name = "lab_assignment")
public class LabAssignment extends PanacheEntityBase {
    @Id
    public UUID assignmentId;
    public UUID tenantId;
    public UUID classId;
    public UUID teacherId;
    public String kind;
    public String title;
    public BigDecimal points;
    /** Submissions allowed per student, or null for no limit. */
    public Integer maxAttempts;
    /** When the assignment is due, or null (no due time, or projected before lab-service kept it). */
    public java.time.Instant dueAt;
    /** The assignment's version in learning-service as of the last change applied (0: as published). */
    public int version;
    /** When learning-service deleted the assignment, or null. */
    public java.time.Instant deletedAt;

    /** The assignment with this id in this tenant, or null. */
    public static Uni<LabAssignment> findInTenant(UUID tenantId, UUID assignmentId) {
        return find("tenantId = ?1 and assignmentId = ?2", tenantId, assignmentId).firstResult();
    }
}
