package dev.kelas.learning.academic;

import dev.kelas.runtime.persistence.TenantEntity;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** A part of a subject's grade: assignments, quizzes, mid-term, final exam. */
@Entity
@Table(name = "grade_component")
public class GradeComponent extends TenantEntity {
    public UUID subjectId;
    public String name;
    /** Display order within the subject. */
    public int position;
    public Instant createdAt;
    /** Bumped on every change (its ETag). */
    public int version;

    /** A subject's components in display order. */
    public static Uni<List<GradeComponent>> listForSubject(UUID subjectId) {
        return list("subjectId = ?1 order by position", subjectId);
    }

    /** The components of these subjects. */
    public static Uni<List<GradeComponent>> listForSubjects(Collection<UUID> subjectIds) {
        return subjectIds.isEmpty() ? Uni.createFrom().item(List.of())
                : list("subjectId in ?1 order by position", subjectIds);
    }
}
