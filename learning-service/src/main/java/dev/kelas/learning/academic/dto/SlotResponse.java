package dev.kelas.learning.academic.dto;

import dev.kelas.learning.academic.ScheduleSlot;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.UUID;

/** A weekly lesson as the API shows it. */
public record SlotResponse(UUID id, UUID termId, UUID classId, UUID subjectId, UUID teacherId, String room,
                           DayOfWeek dayOfWeek, LocalTime startsAt, LocalTime endsAt) {
    public static SlotResponse of(ScheduleSlot s) {
        return new SlotResponse(s.id, s.termId, s.classId, s.subjectId, s.teacherId, s.room, s.dayOfWeek, s.startsAt, s.endsAt);
    }
}
