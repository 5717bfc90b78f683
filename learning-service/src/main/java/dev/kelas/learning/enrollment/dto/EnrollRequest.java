package dev.kelas.learning.enrollment.dto;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** Enrolls one student (a user id from auth-service) in a class. */
public record EnrollRequest(@NotNull UUID studentId) {
}
