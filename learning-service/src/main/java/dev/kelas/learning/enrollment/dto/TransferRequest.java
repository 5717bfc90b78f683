package dev.kelas.learning.enrollment.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Moves the enrolled student to {@code toClassId} (a class of the same term). */
public record TransferRequest(@NotNull UUID toClassId, @Size(max = 500) String reason) {
}
