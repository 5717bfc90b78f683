package dev.kelas.lab.enrollment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** lab-service's copy of an enrollment, from {@code kelas.learning.enrollment.created}. */
@Entity
@Table(name = "lab_enrollment")
@IdClass(LabEnrollment.Key.class)
public class LabEnrollment extends PanacheEntityBase {
    @Id
    public UUID classId;
    @Id
    public UUID studentId;
    public UUID tenantId;

    /** Removes the copy of an enrollment that ended (withdrawal, transfer); returns how many rows went. */
    public static Uni<Long> remove(UUID tenantId, UUID classId, UUID studentId) {
        return delete("tenantId = ?1 and classId = ?2 and studentId = ?3", tenantId, classId, studentId);
    }

    /** Whether the student is enrolled in the class, in this tenant. */
    public static Uni<Boolean> exists(UUID tenantId, UUID classId, UUID studentId) {
        return count("tenantId = ?1 and classId = ?2 and studentId = ?3", tenantId, classId, studentId).map(n -> n > 0);
    }

    /** The enrollment, locked (FOR UPDATE) until the transaction ends, or null if the student is not enrolled. */
    public static Uni<LabEnrollment> lockForSubmission(UUID tenantId, UUID classId, UUID studentId) {
        return find("tenantId = ?1 and classId = ?2 and studentId = ?3", tenantId, classId, studentId)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** Composite primary key (class, student). */
    public record Key(UUID classId, UUID studentId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
