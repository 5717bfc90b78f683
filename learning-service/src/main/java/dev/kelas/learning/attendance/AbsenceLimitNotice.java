package dev.kelas.learning.attendance;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** An enrollment whose absences reached the school's limit: {@code AbsenceLimitReached} went out, once. */
@Entity
@Table(name = "attendance_limit_notice")
public class AbsenceLimitNotice extends PanacheEntityBase {
    @Id
    public UUID enrollmentId;
    public UUID tenantId;
    public int absences;
    @Column(name = "absence_limit")
    public int limit;
    public Instant reachedAt;

    /** Which of these enrollments were already announced. */
    public static Uni<List<UUID>> announced(Collection<UUID> enrollmentIds) {
        return enrollmentIds.isEmpty() ? Uni.createFrom().item(List.of())
                : find("select n.enrollmentId from AbsenceLimitNotice n where n.enrollmentId in ?1", enrollmentIds)
                .project(UUID.class).list();
    }
}
