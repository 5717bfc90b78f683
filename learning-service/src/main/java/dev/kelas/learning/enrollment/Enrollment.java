package dev.kelas.learning.enrollment;

import dev.kelas.runtime.persistence.TenantEntity;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * A student's membership of a class, from {@code createdAt} until {@code endedAt}. A transfer or a
 * withdrawal ends it (the row and the student's grades stay); at most one enrollment of a student in a
 * class is ACTIVE.
 */
@Entity
public class Enrollment extends TenantEntity {
    public UUID classId;
    public UUID studentId;
    public Instant createdAt;
    @Enumerated(EnumType.STRING)
    public EnrollmentStatus status;
    public Instant endedAt;
    public String endReason;
    /** For a TRANSFERRED enrollment: the enrollment in the class the student moved to. */
    public UUID transferredTo;

    /** Whether the student has an ACTIVE enrollment in this class. */
    public static Uni<Boolean> exists(UUID classId, UUID studentId) {
        return count("classId = ?1 and studentId = ?2 and status = ?3", classId, studentId, EnrollmentStatus.ACTIVE)
                .map(n -> n > 0);
    }

    /** Whether the student was ever enrolled in this class (active or ended). */
    public static Uni<Boolean> everEnrolled(UUID classId, UUID studentId) {
        return count("classId = ?1 and studentId = ?2", classId, studentId).map(n -> n > 0);
    }

    /** The enrollment with this id in this class, or null. */
    public static Uni<Enrollment> findInClass(UUID classId, UUID id) {
        return find("classId = ?1 and id = ?2", classId, id).firstResult();
    }

    /** A class's enrollments, active and ended, oldest first. */
    public static Uni<List<Enrollment>> listForClass(UUID classId) {
        return list("classId = ?1 order by createdAt", classId);
    }

    /** Which of these students are actively enrolled in the class. */
    public static Uni<List<UUID>> activeAmong(UUID classId, Collection<UUID> studentIds) {
        return studentIds.isEmpty() ? Uni.createFrom().item(List.of())
                : find("select e.studentId from Enrollment e where e.classId = ?1 and e.status = ?2 and e.studentId in ?3",
                classId, EnrollmentStatus.ACTIVE, studentIds).project(UUID.class).list();
    }

    /** Every enrollment of a student in the tenant, oldest first. */
    public static Uni<List<Enrollment>> listForStudent(UUID tenantId, UUID studentId) {
        return list("tenantId = ?1 and studentId = ?2 order by createdAt", tenantId, studentId);
    }

    /** The ids of the classes the student is actively enrolled in. */
    public static Uni<List<UUID>> activeClassIds(UUID tenantId, UUID studentId) {
        return find("select e.classId from Enrollment e where e.tenantId = ?1 and e.studentId = ?2 and e.status = ?3",
                tenantId, studentId, EnrollmentStatus.ACTIVE).project(UUID.class).list();
    }
}
