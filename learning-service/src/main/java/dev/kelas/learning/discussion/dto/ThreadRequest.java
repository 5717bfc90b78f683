package dev.kelas.learning.discussion.dto;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** A new thread: title, Markdown body, and optionally the assignment it is about. */
public record ThreadRequest(@NotNull String title, @NotNull String body, UUID assignmentId) {
}
