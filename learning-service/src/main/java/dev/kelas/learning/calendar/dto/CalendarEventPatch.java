package dev.kelas.learning.calendar.dto;

import dev.kelas.learning.calendar.CalendarEventChange;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Changes to a calendar event; absent fields stay. Dates follow the event's kind (all-day or timed,
 * which does not change). {@code recurrence} set to an empty string removes the rule.
 */
public record CalendarEventPatch(@Size(min = 1, max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String title,
                                 @Size(max = 5000) String description,
                                 LocalDate startDate, LocalDate endDate,
                                 LocalDateTime startsAt, LocalDateTime endsAt,
                                 String recurrence) {

    /** The change this request describes. */
    public CalendarEventChange toChange() {
        return new CalendarEventChange(title, description, startDate, endDate, startsAt, endsAt, recurrence);
    }
}
