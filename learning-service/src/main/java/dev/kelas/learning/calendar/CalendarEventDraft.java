package dev.kelas.learning.calendar;

import dev.kelas.contracts.Role;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * What a new calendar event is: all-day events give {@code startDate} and {@code endDate} (inclusive;
 * a missing end means one day), timed ones {@code startsAt} and {@code endsAt} (local to the school).
 */
public record CalendarEventDraft(CalendarEventType type, String title, String description, boolean allDay,
                                 LocalDate startDate, LocalDate endDate, LocalDateTime startsAt, LocalDateTime endsAt,
                                 String recurrence, CalendarAudience audience, UUID classId, Role role) {
}
