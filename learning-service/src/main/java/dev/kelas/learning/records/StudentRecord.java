package dev.kelas.learning.records;

import dev.kelas.runtime.persistence.TenantEntity;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A student's record as the school keeps it; its id is the student's user id. The student number is unique in the
 * school; the homeroom class is a class of the same school.
 */
@Entity
public class StudentRecord extends TenantEntity {
    /** The school's number for the student, 1 to 32 characters, unique in the school. */
    public String studentNumber;
    /** In the past. */
    public LocalDate dateOfBirth;
    /** 1 to 13, or null. */
    public Short gradeLevel;
    /** A class of the school, or null. */
    public UUID homeroomClassId;
    /** Bumped on every change (its ETag). */
    public int version;
    public Instant updatedAt;

    /** The record of this student in this school, or null. */
    public static Uni<StudentRecord> findForStudent(UUID tenantId, UUID studentId) {
        return findInTenant(StudentRecord.class, tenantId, studentId);
    }

    /**
     * The record of this student in this school, or null, locked for update until the transaction ends: concurrent
     * replacements of one record take turns (each sees the version the one before wrote).
     */
    public static Uni<StudentRecord> findForUpdate(UUID tenantId, UUID studentId) {
        return StudentRecord.<StudentRecord>find("tenantId = ?1 and id = ?2", tenantId, studentId)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** Whether another student of the school already has this number. */
    public static Uni<Boolean> numberTaken(UUID tenantId, String studentNumber, UUID studentId) {
        return count("tenantId = ?1 and studentNumber = ?2 and id <> ?3", tenantId, studentNumber, studentId).map(n -> n > 0);
    }
}
