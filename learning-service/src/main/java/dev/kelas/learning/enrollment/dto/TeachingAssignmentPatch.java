package dev.kelas.learning.enrollment.dto;

import java.util.UUID;

/** A change to a teaching assignment (PATCH): another teacher or subject; only the fields given change. */
public record TeachingAssignmentPatch(UUID teacherId, UUID subjectId) {
}
