package dev.kelas.notification.chat.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** A study room a teacher opens for one of their classes. */
public record StudyRoomRequest(@NotNull UUID classId, @NotBlank @Size(max = 100) String name) {
}
