package dev.kelas.learning.academic.dto;

import dev.kelas.learning.academic.ScheduleService;

import dev.kelas.learning.academic.ScheduleService.SlotDraft;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.UUID;

/**
 * A weekly lesson. When moving a slot, {@code classId} is ignored (a slot stays with its class).
 *
 * @param dayOfWeek {@code MONDAY} .. {@code SUNDAY}
 * @param startsAt  local time, e.g. {@code 07:30}
 */
public record SlotRequest(UUID classId, @NotNull UUID subjectId, @NotNull UUID teacherId,
                          @NotBlank @Size(max = 100) String room, @NotNull DayOfWeek dayOfWeek,
                          @NotNull LocalTime startsAt, @NotNull LocalTime endsAt) {
    /** The service's view of it. */
    public SlotDraft draft() {
        return new SlotDraft(classId, subjectId, teacherId, room, dayOfWeek, startsAt, endsAt);
    }
}
