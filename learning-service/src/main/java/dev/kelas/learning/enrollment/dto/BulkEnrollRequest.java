package dev.kelas.learning.enrollment.dto;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** Enrolls up to 500 students at once, all or none. */
public record BulkEnrollRequest(@NotEmpty @Size(max = 500) List<@NotNull UUID> studentIds) {
}
