package dev.kelas.learning.rest.dto;

import dev.kelas.learning.domain.Assignment;
import dev.kelas.learning.domain.AssignmentKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An assignment as the API shows it. */
public record AssignmentResponse(UUID id, UUID classId, String title, AssignmentKind kind, BigDecimal points,
                                 Instant dueAt, String status, Instant createdAt) {
    public static AssignmentResponse of(Assignment a) {
        return new AssignmentResponse(a.id, a.classId, a.title, a.kind, a.points, a.dueAt, a.status, a.createdAt);
    }
}
