package dev.kelas.learning.calendar;

import dev.kelas.runtime.problem.ValidationException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.model.Recur;

/**
 * Expands an RFC 5545 recurrence rule (RRULE, section 3.3.10) with ical4j. Expansion runs on local
 * date-times of the school's time zone, so an event at 09:00 stays at 09:00 on both sides of a
 * daylight-saving change (RFC 5545 section 3.3.5: local time with a TZID); the caller turns them into
 * instants with {@link SchoolTimeZone}. Unbounded rules are cut off at {@link #MAX_OCCURRENCES}.
 */
public final class Recurrence {
    /** Most occurrences one event yields in one query window. */
    public static final int MAX_OCCURRENCES = 1000;
    /** Longest rule text accepted. */
    public static final int MAX_RULE_LENGTH = 500;

    private Recurrence() {
    }

    /** One occurrence of an event, local to the school's time zone; {@code end} is exclusive. */
    public record Occurrence(LocalDateTime start, LocalDateTime end) {
        /** Whether the occurrence covers any part of the calendar day {@code date}. */
        public boolean covers(LocalDate date) {
            return start.isBefore(date.plusDays(1).atStartOfDay()) && end.isAfter(date.atStartOfDay());
        }
    }

    /**
     * Checks a rule before it is stored.
     *
     * @param rule   the RRULE value without {@code RRULE:}, or null (no recurrence)
     * @param allDay whether the event is all-day (its UNTIL must then be a date, not a date-time)
     * @throws ValidationException {@code recurrence} when the rule does not parse, lacks FREQ, or is too long
     */
    public static void validate(String rule, boolean allDay) {
        if (rule == null) {
            return;
        }
        if (rule.length() > MAX_RULE_LENGTH) {
            throw new ValidationException("recurrence", "must be at most " + MAX_RULE_LENGTH + " characters");
        }
        try {
            Recur<?> recur = allDay ? new Recur<LocalDate>(rule) : new Recur<LocalDateTime>(rule);
            if (recur.getFrequency() == null) {
                throw new ValidationException("recurrence", "must name FREQ");
            }
            if (recur.getUntil() != null && (recur.getUntil() instanceof LocalDate) != allDay) {
                throw new ValidationException("recurrence", allDay ? "UNTIL must be a date for an all-day event"
                        : "UNTIL must be a date-time for a timed event");
            }
        } catch (ValidationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ValidationException("recurrence", "is not an RFC 5545 RRULE value (e.g. FREQ=WEEKLY;COUNT=4)");
        }
    }

    /**
     * The occurrences of an event that overlap {@code [from, until)}, in start order.
     *
     * @param start  the first occurrence's start (local)
     * @param end    the first occurrence's end (local, exclusive)
     * @param rule   the RRULE value, or null for one occurrence
     * @param allDay whether the rule's dates are dates (all-day) or date-times
     * @param from   window start (local, inclusive)
     * @param until  window end (local, exclusive)
     * @return at most {@link #MAX_OCCURRENCES} occurrences
     */
    public static List<Occurrence> occurrences(LocalDateTime start, LocalDateTime end, String rule, boolean allDay,
                                               LocalDateTime from, LocalDateTime until) {
        Duration length = Duration.between(start, end);
        List<Occurrence> found = new ArrayList<>();
        if (rule == null) {
            Occurrence only = new Occurrence(start, end);
            if (only.start().isBefore(until) && only.end().isAfter(from)) {
                found.add(only);
            }
            return found;
        }
        // Ask for starts from (from - length) so an occurrence that began before the window but reaches into it counts.
        LocalDateTime searchFrom = from.minus(length);
        if (allDay) {
            Recur<LocalDate> recur = new Recur<>(rule);
            LocalTime time = start.toLocalTime();
            for (LocalDate date : recur.getDates(start.toLocalDate(), searchFrom.toLocalDate(), until.toLocalDate().plusDays(1),
                    MAX_OCCURRENCES)) {
                add(found, date.atTime(time), length, from, until);
            }
        } else {
            Recur<LocalDateTime> recur = new Recur<>(rule);
            for (LocalDateTime at : recur.getDates(start, searchFrom, until, MAX_OCCURRENCES)) {
                add(found, at, length, from, until);
            }
        }
        found.sort((a, b) -> a.start().compareTo(b.start()));
        return found.size() > MAX_OCCURRENCES ? found.subList(0, MAX_OCCURRENCES) : found;
    }

    private static void add(List<Occurrence> found, LocalDateTime at, Duration length, LocalDateTime from, LocalDateTime until) {
        Occurrence occurrence = new Occurrence(at, at.plus(length));
        if (occurrence.start().isBefore(until) && occurrence.end().isAfter(from)) {
            found.add(occurrence);
        }
    }
}
