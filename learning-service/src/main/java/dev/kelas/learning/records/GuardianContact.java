package dev.kelas.learning.records;

import dev.kelas.runtime.persistence.TenantEntity;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;

/** One guardian contact of a student's record (someone the school may call), in the order the school gave them. */
@Entity
@Table(name = "student_guardian_contact")
public class GuardianContact extends TenantEntity {
    public UUID recordId;
    public short position;
    public String name;
    /** How they are related to the student, e.g. {@code mother}, {@code uncle}, {@code legal guardian}. */
    public String relationship;
    /** An e-mail address, or null. */
    public String email;
    /** A phone number, or null. */
    public String phone;

    /** The contacts of a record, in order. */
    public static Uni<List<GuardianContact>> listForRecord(UUID recordId) {
        return list("recordId = ?1 order by position", recordId);
    }

    /** Removes every contact of a record. */
    public static Uni<Long> deleteForRecord(UUID recordId) {
        return delete("recordId = ?1", recordId);
    }
}
