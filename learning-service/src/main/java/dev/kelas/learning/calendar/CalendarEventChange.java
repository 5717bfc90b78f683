package dev.kelas.learning.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** Changes to a calendar event; null fields stay as they are, an empty {@code recurrence} removes the rule. */
public record CalendarEventChange(String title, String description, LocalDate startDate, LocalDate endDate,
                                  LocalDateTime startsAt, LocalDateTime endsAt, String recurrence) {
}
