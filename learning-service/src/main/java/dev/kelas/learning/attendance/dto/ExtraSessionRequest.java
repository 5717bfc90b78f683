package dev.kelas.learning.attendance.dto;

import dev.kelas.learning.attendance.AttendanceSessionService.ExtraDraft;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** An extra session: its date, local start and end time, optional subject and a title. */
public record ExtraSessionRequest(LocalDate date, LocalTime startsAt, LocalTime endsAt, UUID subjectId, String title) {
    /** The service's draft. */
    public ExtraDraft draft() {
        return new ExtraDraft(date, startsAt, endsAt, subjectId, title);
    }
}
