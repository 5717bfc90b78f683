package dev.kelas.learning.enrollment;

import dev.kelas.runtime.persistence.TenantEntity;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A teacher teaches a subject to a class; that makes them one of the class's teachers. */
@Entity
@Table(name = "teaching_assignment")
public class TeachingAssignment extends TenantEntity {
    public UUID classId;
    public UUID subjectId;
    public UUID teacherId;
    public Instant createdAt;
    /** Bumped on every change (its ETag). */
    public int version;

    /** Whether the teacher teaches any subject to the class. */
    public static Uni<Boolean> teaches(UUID classId, UUID teacherId) {
        return count("classId = ?1 and teacherId = ?2", classId, teacherId).map(n -> n > 0);
    }

    /** A class's teaching assignments. */
    public static Uni<List<TeachingAssignment>> listForClass(UUID classId) {
        return list("classId = ?1 order by createdAt", classId);
    }

    /** The classes a teacher teaches a subject to. */
    public static Uni<List<UUID>> classIdsOf(UUID tenantId, UUID teacherId) {
        return find("select distinct t.classId from TeachingAssignment t where t.tenantId = ?1 and t.teacherId = ?2",
                tenantId, teacherId).project(UUID.class).list();
    }
}
