package dev.kelas.learning.behavior.dto;

import dev.kelas.learning.behavior.BehaviorKind;
import dev.kelas.learning.behavior.BehaviorNote;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A behaviour note. */
public record NoteResponse(UUID id, UUID studentId, UUID classId, UUID authorId, BehaviorKind kind, String category, int points,
                           String description, LocalDate date, boolean visibleToStudent, int version, Instant createdAt,
                           Instant updatedAt) {
    public static NoteResponse of(BehaviorNote n) {
        return new NoteResponse(n.id, n.studentId, n.classId, n.authorId, n.kind, n.category, n.points, n.description, n.occurredOn,
                n.visibleToStudent, n.version, n.createdAt, n.updatedAt);
    }
}
