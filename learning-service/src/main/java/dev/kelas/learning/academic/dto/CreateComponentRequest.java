package dev.kelas.learning.academic.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A new grade component of a subject, e.g. {@code Quizzes}. */
public record CreateComponentRequest(@NotBlank @Size(max = 100) String name) {
}
