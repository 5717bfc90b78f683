package dev.kelas.learning.enrollment.dto;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** The teacher {@code teacherId} teaches {@code subjectId} to the class. */
public record AssignTeacherRequest(@NotNull UUID subjectId, @NotNull UUID teacherId) {
}
