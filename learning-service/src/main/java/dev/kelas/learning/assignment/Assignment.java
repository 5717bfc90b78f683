package dev.kelas.learning.assignment;

import dev.kelas.runtime.persistence.TenantEntity;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Work set for a class, worth {@code points}, due at {@code dueAt}, with the rules for handing it in
 * (late policy, attempts) and, for the gradebook, the subject and grade component it counts toward.
 */
@Entity
public class Assignment extends TenantEntity {
    public UUID classId;
    public String title;
    public String description;
    @Enumerated(EnumType.STRING)
    public AssignmentKind kind;
    public BigDecimal points;
    public Instant dueAt;
    @Enumerated(EnumType.STRING)
    public AssignmentStatus status;
    /** The subject it counts toward, or null (then no grade configuration applies). */
    public UUID subjectId;
    /** The subject's grade component it counts toward, or null. */
    public UUID componentId;
    @Enumerated(EnumType.STRING)
    public LatePolicy latePolicy;
    /** Percent of the points lost per started day late under {@link LatePolicy#PENALTY}. */
    public BigDecimal latePenaltyPercent;
    /** Under {@link LatePolicy#PENALTY}: nothing is accepted after this; null means no cut-off. */
    public Instant lateCutoffAt;
    /** How many times a student may hand it in; null means no limit. */
    public Integer maxAttempts;
    /** For CODING: which lab attempt the grade takes. */
    @Enumerated(EnumType.STRING)
    public CodingScorePolicy codingScorePolicy;
    public Instant publishedAt;
    /** When students could first see their grades; null while they are hidden. */
    public Instant gradesReleasedAt;
    public UUID createdBy;
    public Instant createdAt;
    /** For CODING: the lab-service task set for it ({@code kelas.lab.task.created}); null until known or once removed. */
    public UUID labTaskId;
    /** Bumped on every change (the assignment's ETag). */
    public int version;

    /** Whether students of the class can see it. */
    public boolean published() {
        return status == AssignmentStatus.PUBLISHED;
    }

    /** Whether its grades are visible to students. */
    public boolean released() {
        return gradesReleasedAt != null;
    }

    /** The assignment with this id in this tenant, or null. */
    public static Uni<Assignment> findInTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }

    /** A class's assignments, drafts included, in due order. */
    public static Uni<List<Assignment>> listForClass(UUID classId) {
        return list("classId = ?1 order by dueAt, createdAt", classId);
    }

    /** The published assignments of these classes, in due order. */
    public static Uni<List<Assignment>> listPublishedForClasses(Collection<UUID> classIds) {
        return classIds.isEmpty() ? Uni.createFrom().item(List.of())
                : list("classId in ?1 and status = ?2 order by dueAt, createdAt", classIds, AssignmentStatus.PUBLISHED);
    }

    /** The published assignments of a class in one subject. */
    public static Uni<List<Assignment>> listPublishedForSubject(UUID classId, UUID subjectId) {
        return list("classId = ?1 and subjectId = ?2 and status = ?3", classId, subjectId, AssignmentStatus.PUBLISHED);
    }
}
