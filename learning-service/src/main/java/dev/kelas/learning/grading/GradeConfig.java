package dev.kelas.learning.grading;

import dev.kelas.runtime.persistence.TenantEntity;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * How a class's grade in one subject is computed. Once {@code finalizedAt} is set, neither it nor the
 * grades of the class's assignments in the subject change.
 */
@Entity
@Table(name = "grade_config")
public class GradeConfig extends TenantEntity {
    public UUID classId;
    public UUID subjectId;
    @Enumerated(EnumType.STRING)
    public GradingMethod method;
    public Instant finalizedAt;
    public UUID finalizedBy;
    public Instant updatedAt;

    /** Whether the configuration and its grades are locked. */
    public boolean finalized() {
        return finalizedAt != null;
    }

    /** The configuration of a class in a subject, or null. */
    public static Uni<GradeConfig> of(UUID classId, UUID subjectId) {
        return find("classId = ?1 and subjectId = ?2", classId, subjectId).firstResult();
    }

    /** The configurations of these classes. */
    public static Uni<List<GradeConfig>> listForClasses(Collection<UUID> classIds) {
        return classIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("classId in ?1", classIds);
    }

    /** Whether grades of this class in this subject are locked; false for an assignment without a subject. */
    public static Uni<Boolean> locked(UUID classId, UUID subjectId) {
        return subjectId == null ? Uni.createFrom().item(false)
                : count("classId = ?1 and subjectId = ?2 and finalizedAt is not null", classId, subjectId).map(n -> n > 0);
    }
}
