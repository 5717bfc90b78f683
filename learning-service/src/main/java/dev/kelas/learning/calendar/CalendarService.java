package dev.kelas.learning.calendar;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The school calendar's rules that other features use: which days are holidays. Holidays are
 * calendar events of type {@link CalendarEventType#HOLIDAY} for the whole school; every day an
 * occurrence of one covers, even in part, has no timetable lessons and no register sessions.
 */
@ApplicationScoped
public class CalendarService {

    /**
     * The school's holiday dates in {@code [from, to]} (both inclusive). Call inside a session.
     *
     * @return the dates, ascending
     */
    public Uni<Set<LocalDate>> holidays(UUID tenantId, LocalDate from, LocalDate to) {
        var windowStart = from.atStartOfDay();
        var windowEnd = to.plusDays(1).atStartOfDay();
        return CalendarEvent.candidates(tenantId, CalendarEventType.HOLIDAY, windowStart, windowEnd).map(events -> {
            Set<LocalDate> days = new TreeSet<>();
            for (CalendarEvent event : events) {
                if (event.audience != CalendarAudience.SCHOOL) {
                    continue;
                }
                List<Recurrence.Occurrence> occurrences = Recurrence.occurrences(event.startsLocal, event.endsLocal,
                        event.recurrence, event.allDay, windowStart, windowEnd);
                for (Recurrence.Occurrence occurrence : occurrences) {
                    for (LocalDate day = max(occurrence.start().toLocalDate(), from); !day.isAfter(to); day = day.plusDays(1)) {
                        if (!occurrence.covers(day)) {
                            break;
                        }
                        days.add(day);
                    }
                }
            }
            return days;
        });
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
