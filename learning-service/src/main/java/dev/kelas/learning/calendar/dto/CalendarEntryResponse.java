package dev.kelas.learning.calendar.dto;

import dev.kelas.learning.calendar.CalendarEntry;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One entry of a calendar view: an occurrence of a calendar event, a timetable lesson, or an
 * assignment's due time. {@code start} and {@code end} carry the school's UTC offset of that day.
 */
public record CalendarEntryResponse(String kind, String title, OffsetDateTime start, OffsetDateTime end, boolean allDay,
                                    String eventType, UUID eventId, UUID classId, UUID subjectId, UUID assignmentId, String room) {
    public static CalendarEntryResponse of(CalendarEntry e) {
        return new CalendarEntryResponse(e.kind().name(), e.title(), e.start().toOffsetDateTime(), e.end().toOffsetDateTime(),
                e.allDay(), e.eventType() == null ? null : e.eventType().name(), e.eventId(), e.classId(), e.subjectId(),
                e.assignmentId(), e.room());
    }
}
