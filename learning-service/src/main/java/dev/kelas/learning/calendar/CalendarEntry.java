package dev.kelas.learning.calendar;

import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * One entry of a person's calendar: an occurrence of a calendar event ({@link Kind#EVENT}), a lesson of
 * the timetable ({@link Kind#LESSON}) or an assignment's due time ({@link Kind#DUE}, start = end).
 */
public record CalendarEntry(Kind kind, String title, ZonedDateTime start, ZonedDateTime end, boolean allDay,
                            CalendarEventType eventType, UUID eventId, UUID classId, UUID subjectId, UUID assignmentId,
                            String room) {
    /** What an entry is. */
    public enum Kind { EVENT, LESSON, DUE }
}
