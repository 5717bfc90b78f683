package dev.kelas.learning.enrollment.dto;

import dev.kelas.learning.enrollment.TeachingAssignment;
import java.util.UUID;

/** Who teaches which subject to a class. */
public record TeachingAssignmentResponse(UUID id, UUID classId, UUID subjectId, UUID teacherId) {
    public static TeachingAssignmentResponse of(TeachingAssignment t) {
        return new TeachingAssignmentResponse(t.id, t.classId, t.subjectId, t.teacherId);
    }
}
