package dev.kelas.learning.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kelas.runtime.problem.ValidationException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 5545 recurrence expansion on the school's local time (ical4j underneath). */
class RecurrenceTests {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void shouldKeepLocalTimeAcrossTheEndOfDaylightSavingTime() {
        // Europe/Berlin leaves summer time on Sunday 2026-10-25: the weekly 09:00 meeting stays at 09:00 local.
        LocalDateTime start = LocalDateTime.of(2026, 10, 19, 9, 0);
        List<Recurrence.Occurrence> found = Recurrence.occurrences(start, start.plusHours(1), "FREQ=WEEKLY;COUNT=3", false,
                LocalDateTime.of(2026, 10, 1, 0, 0), LocalDateTime.of(2026, 12, 1, 0, 0));

        assertEquals(List.of(start, start.plusWeeks(1), start.plusWeeks(2)), found.stream().map(Recurrence.Occurrence::start).toList());
        Duration between = Duration.between(found.get(0).start().atZone(BERLIN), found.get(1).start().atZone(BERLIN));
        assertEquals(Duration.ofDays(7).plusHours(1), between, "one week across the change is 169 hours");
    }

    @Test
    void shouldReturnOnlyOccurrencesOverlappingTheWindow() {
        LocalDateTime start = LocalDateTime.of(2026, 9, 7, 0, 0);
        List<Recurrence.Occurrence> found = Recurrence.occurrences(start, start.plusDays(1), "FREQ=WEEKLY;BYDAY=MO", true,
                LocalDateTime.of(2026, 9, 20, 0, 0), LocalDateTime.of(2026, 10, 6, 0, 0));

        assertEquals(List.of(LocalDate.of(2026, 9, 21), LocalDate.of(2026, 9, 28), LocalDate.of(2026, 10, 5)),
                found.stream().map(o -> o.start().toLocalDate()).toList());
    }

    @Test
    void shouldCountAnOccurrenceThatStartedBeforeTheWindow() {
        // A three-day all-day event every 4 weeks; the window opens on its second day.
        LocalDateTime start = LocalDateTime.of(2026, 9, 1, 0, 0);
        List<Recurrence.Occurrence> found = Recurrence.occurrences(start, start.plusDays(3), "FREQ=WEEKLY;INTERVAL=4", true,
                LocalDateTime.of(2026, 9, 2, 0, 0), LocalDateTime.of(2026, 9, 10, 0, 0));

        assertEquals(1, found.size());
        assertEquals(start, found.get(0).start());
    }

    @Test
    void shouldHonourUntilAsADateForAllDayEvents() {
        LocalDateTime start = LocalDateTime.of(2026, 12, 21, 0, 0);
        List<Recurrence.Occurrence> found = Recurrence.occurrences(start, start.plusDays(1), "FREQ=DAILY;UNTIL=20261223", true,
                LocalDateTime.of(2026, 12, 1, 0, 0), LocalDateTime.of(2027, 1, 31, 0, 0));

        assertEquals(3, found.size());
    }

    @Test
    void shouldGiveOneOccurrenceWithoutARule() {
        LocalDateTime start = LocalDateTime.of(2026, 11, 3, 10, 0);
        assertEquals(1, Recurrence.occurrences(start, start.plusHours(2), null, false,
                LocalDateTime.of(2026, 11, 3, 11, 0), LocalDateTime.of(2026, 11, 4, 0, 0)).size());
        assertEquals(0, Recurrence.occurrences(start, start.plusHours(2), null, false,
                LocalDateTime.of(2026, 11, 3, 12, 0), LocalDateTime.of(2026, 11, 4, 0, 0)).size());
    }

    @Test
    void shouldRefuseRulesThatAreNotRrules() {
        assertThrows(ValidationException.class, () -> Recurrence.validate("EVERY MONDAY", false));
        assertThrows(ValidationException.class, () -> Recurrence.validate("COUNT=3", false));
        assertThrows(ValidationException.class, () -> Recurrence.validate("FREQ=DAILY;UNTIL=20261223T100000", true));
        Recurrence.validate("FREQ=MONTHLY;BYMONTHDAY=1;COUNT=10", false);
    }
}
