package dev.kelas.learning.common.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kelas.learning.assignment.Assignment;
import dev.kelas.learning.assignment.AssignmentKind;
import dev.kelas.learning.assignment.AssignmentStatus;
import dev.kelas.learning.assignment.CodingScorePolicy;
import dev.kelas.learning.assignment.LatePolicy;
import dev.kelas.learning.assignment.Rubric;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An assignment as the API shows it.
 *
 * @param gradesReleasedAt when students could first see their grades; null while hidden
 * @param rubric           only when one assignment is read or created (absent in lists)
 * @param labTaskId        for CODING: the lab task's id once lab-service has announced it; null (and written) until then
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssignmentResponse(UUID id, UUID classId, String title, AssignmentKind kind, BigDecimal points,
                                 Instant dueAt, AssignmentStatus status, Instant createdAt, String description,
                                 UUID subjectId, UUID componentId, LatePolicy latePolicy, BigDecimal latePenaltyPercent,
                                 Instant lateCutoffAt, Integer maxAttempts, CodingScorePolicy codingScorePolicy,
                                 Instant publishedAt, Instant gradesReleasedAt, List<Criterion> rubric,
                                 @JsonInclude(JsonInclude.Include.ALWAYS) UUID labTaskId) {

    /** A rubric criterion with its levels. */
    public record Criterion(UUID id, String title, String description, List<Level> levels) {
    }

    /** A level of a criterion. */
    public record Level(UUID id, String title, BigDecimal points) {
    }

    public static AssignmentResponse of(Assignment a) {
        return of(a, null);
    }

    public static AssignmentResponse of(Assignment a, Rubric rubric) {
        List<Criterion> criteria = rubric == null ? null : rubric.criteria().stream()
                .map(c -> new Criterion(c.criterion().id, c.criterion().title, c.criterion().description,
                        c.levels().stream().map(l -> new Level(l.id, l.title, l.points)).toList()))
                .toList();
        return new AssignmentResponse(a.id, a.classId, a.title, a.kind, a.points, a.dueAt, a.status, a.createdAt,
                a.description, a.subjectId, a.componentId, a.latePolicy, a.latePenaltyPercent, a.lateCutoffAt,
                a.maxAttempts, a.codingScorePolicy, a.publishedAt, a.gradesReleasedAt, criteria, a.labTaskId);
    }
}
