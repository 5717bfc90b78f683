package dev.kelas.learning.calendar.dto;

import dev.kelas.contracts.Role;
import dev.kelas.learning.calendar.CalendarAudience;
import dev.kelas.learning.calendar.CalendarEvent;
import dev.kelas.learning.calendar.CalendarEventType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/** A calendar event as stored: local start and end (end exclusive) in the school's time zone, and its rule. */
public record CalendarEventResponse(UUID id, CalendarEventType type, String title, String description, boolean allDay,
                                    LocalDateTime startsAt, LocalDateTime endsAt, String recurrence, CalendarAudience audience,
                                    UUID classId, Role role, UUID authorId, int version, Instant createdAt, Instant updatedAt) {
    public static CalendarEventResponse of(CalendarEvent e) {
        return new CalendarEventResponse(e.id, e.type, e.title, e.description, e.allDay, e.startsLocal, e.endsLocal, e.recurrence,
                e.audience, e.classId, e.role, e.authorId, e.version, e.createdAt, e.updatedAt);
    }
}
