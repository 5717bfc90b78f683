package dev.kelas.learning.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A student's membership of a class. */
@Entity
public class Enrollment extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "class_id")
    public UUID classId;
    @Column(name = "student_id")
    public UUID studentId;
    @Column(name = "created_at")
    public Instant createdAt;

    /** Whether this student is enrolled in this class. */
    public static Uni<Boolean> exists(UUID classId, UUID studentId) {
        return count("classId = ?1 and studentId = ?2", classId, studentId).map(n -> n > 0);
    }

    /** A class's enrollments, oldest first. */
    public static Uni<List<Enrollment>> listForClass(UUID classId) {
        return list("classId = ?1 order by createdAt", classId);
    }
}
