package dev.kelas.learning.attendance.dto;

import dev.kelas.learning.attendance.AttendanceSessionService.SessionSummary;
import dev.kelas.learning.attendance.AttendanceSessionService.SessionView;
import dev.kelas.learning.attendance.SessionKind;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;

/**
 * A register session. {@code id} is null until the session is stored (first marked); {@code key} names it either
 * way ({@code LESSON:<slotId>:<date>}, {@code DAILY:<classId>:<date>}, or the id once stored). Times are local to
 * the school; {@code counts} are its marks per status.
 */
public record SessionResponse(UUID id, String key, SessionKind kind, UUID classId, LocalDate date, UUID slotId, UUID subjectId,
                              UUID teacherId, LocalTime startsAt, LocalTime endsAt, String title, long marked,
                              Map<String, Long> counts) {
    /** A session with its counts. */
    public static SessionResponse of(SessionSummary summary) {
        SessionView s = summary.session();
        return new SessionResponse(s.id(), s.key(), s.kind(), s.classId(), s.date(), s.slotId(), s.subjectId(), s.teacherId(),
                s.startsAt(), s.endsAt(), s.title(), summary.marked(), summary.counts());
    }

    /** A session without counts. */
    public static SessionResponse of(SessionView s) {
        return of(new SessionSummary(s, Map.of()));
    }
}
