package dev.kelas.learning.academic.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A batch of slots (a week's timetable), written all or none; each needs its {@code classId}. */
public record TimetableRequest(@NotEmpty @Size(max = 1000) List<@NotNull @Valid SlotRequest> slots) {
}
