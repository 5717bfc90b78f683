package dev.kelas.learning.calendar.dto;

import dev.kelas.contracts.Role;
import dev.kelas.learning.calendar.CalendarAudience;
import dev.kelas.learning.calendar.CalendarEventDraft;
import dev.kelas.learning.calendar.CalendarEventType;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * A calendar event to create. An all-day event gives {@code startDate} and {@code endDate} (both
 * inclusive); a timed one {@code startsAt} and {@code endsAt}, local date-times in the school's time
 * zone such as {@code 2026-12-07T09:00}. {@code recurrence} is an RFC 5545 RRULE value such as
 * {@code FREQ=WEEKLY;COUNT=4}.
 */
public record CalendarEventRequest(@NotNull CalendarEventType type,
                                   @NotNull @Size(min = 1, max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String title,
                                   @Size(max = 5000) String description,
                                   boolean allDay,
                                   LocalDate startDate, LocalDate endDate,
                                   LocalDateTime startsAt, LocalDateTime endsAt,
                                   String recurrence,
                                   @NotNull CalendarAudience audience, UUID classId, Role role) {

    /** The event this request describes. */
    public CalendarEventDraft toDraft() {
        return new CalendarEventDraft(type, title, description, allDay, startDate, endDate, startsAt, endsAt, recurrence, audience,
                classId, role);
    }
}
