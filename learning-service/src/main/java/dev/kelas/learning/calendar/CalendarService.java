package dev.kelas.learning.calendar;

import dev.kelas.learning.common.Audiences;
import dev.kelas.learning.common.Audience;
import dev.kelas.contracts.Role;
import dev.kelas.contracts.events.CalendarEventPublished;
import dev.kelas.learning.common.ClassAccess;
import dev.kelas.runtime.outbox.Outbox;
import dev.kelas.runtime.problem.ForbiddenException;
import dev.kelas.runtime.problem.NotFoundException;
import dev.kelas.runtime.problem.PreconditionFailedException;
import dev.kelas.runtime.problem.ValidationException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The school calendar: events (holidays, exams, school events, meetings) with their audiences and
 * recurrence, and which days are holidays. Administrators manage every event; a teacher manages
 * events of the classes they teach, except holidays. Everyone reads the events of their audiences:
 * the school's, their role's and their classes'.
 */
@ApplicationScoped
public class CalendarService {
    /** Longest window one calendar query may span, in days. */
    public static final int MAX_WINDOW_DAYS = 366;

    private final ClassAccess access;
    private final Outbox outbox;
    private final SchoolTimeZone timeZone;

    public CalendarService(ClassAccess access, Outbox outbox, SchoolTimeZone timeZone) {
        this.access = access;
        this.outbox = outbox;
        this.timeZone = timeZone;
    }

    /**
     * Creates an event and announces it ({@code kelas.learning.calendar.event-published}).
     *
     * @throws ValidationException for missing or inconsistent dates, a bad RRULE or audience
     * @throws ForbiddenException  for a teacher outside their classes, a holiday by a teacher, or a student
     * @throws NotFoundException   for a class of another school
     */
    @WithTransaction
    public Uni<CalendarEvent> createEvent(Caller caller, CalendarEventDraft request) {
        CalendarEvent event = new CalendarEvent();
        event.id = UUID.randomUUID();
        event.tenantId = caller.tenantId();
        event.type = request.type();
        event.title = request.title().strip();
        event.description = request.description();
        event.allDay = request.allDay();
        setTimes(event, request.startDate(), request.endDate(), request.startsAt(), request.endsAt(), true);
        event.recurrence = blankToNull(request.recurrence());
        Recurrence.validate(event.recurrence, event.allDay);
        event.audience = request.audience();
        event.classId = request.audience() == Audience.CLASS ? required(request.classId(), "classId") : null;
        event.role = request.audience() == Audience.ROLE ? required(request.role(), "role") : null;
        event.authorId = caller.userId();
        event.createdAt = Instant.now();
        event.updatedAt = event.createdAt;
        return checkMayManage(caller, event)
                .chain(() -> event.<CalendarEvent>persist())
                .call(saved -> announce(saved, false));
    }

    /**
     * Changes an event and announces the change.
     *
     * @param expectedVersion the version the client read ({@code If-Match}), or null to skip the check
     * @throws PreconditionFailedException when the event changed since that version
     * @throws NotFoundException           when the event is not in the caller's school or not visible to them
     */
    @WithTransaction
    public Uni<CalendarEvent> updateEvent(Caller caller, UUID eventId, CalendarEventChange patch, Integer expectedVersion) {
        return managedEvent(caller, eventId).chain(event -> {
            if (expectedVersion != null && expectedVersion != event.version) {
                throw new PreconditionFailedException("The event changed since you read it (version " + event.version + ")");
            }
            if (patch.title() != null) {
                event.title = patch.title().strip();
            }
            if (patch.description() != null) {
                event.description = patch.description();
            }
            boolean newTimes = patch.startDate() != null || patch.endDate() != null || patch.startsAt() != null || patch.endsAt() != null;
            if (newTimes) {
                LocalDate startDate = patch.startDate() != null ? patch.startDate() : event.startsLocal.toLocalDate();
                LocalDate endDate = patch.endDate() != null ? patch.endDate() : event.endsLocal.toLocalDate().minusDays(1);
                LocalDateTime startsAt = patch.startsAt() != null ? patch.startsAt() : event.startsLocal;
                LocalDateTime endsAt = patch.endsAt() != null ? patch.endsAt() : event.endsLocal;
                setTimes(event, startDate, endDate, startsAt, endsAt, false);
            }
            if (patch.recurrence() != null) {
                event.recurrence = blankToNull(patch.recurrence());
                Recurrence.validate(event.recurrence, event.allDay);
            }
            event.version++;
            event.updatedAt = Instant.now();
            return announce(event, true).replaceWith(event);
        });
    }

    /**
     * Deletes an event.
     *
     * @throws NotFoundException  when it is not in the caller's school
     * @throws ForbiddenException when the caller may not manage it
     */
    @WithTransaction
    public Uni<Void> deleteEvent(Caller caller, UUID eventId) {
        return managedEvent(caller, eventId).chain(CalendarEvent::delete);
    }

    /**
     * One event the caller may see.
     *
     * @throws NotFoundException when it is not in the caller's school or not for the caller's audiences
     */
    @WithSession
    public Uni<CalendarEvent> event(Caller caller, UUID eventId) {
        return Audiences.of(caller).chain(audiences -> CalendarEvent.findInTenant(CalendarEvent.class, caller.tenantId(), eventId)
                .map(event -> {
                    if (event == null || !audiences.sees(event.audience, event.classId, event.role)) {
                        throw new NotFoundException("calendar event", eventId);
                    }
                    return event;
                }));
    }

    /**
     * The occurrences of the events the caller may see in {@code [from, to]}, in start order.
     *
     * @param type    only events of this type, or null
     * @param classId only events of this class, or null
     * @throws ValidationException when the window is reversed or longer than {@link #MAX_WINDOW_DAYS}
     */
    @WithSession
    public Uni<List<CalendarEntry>> events(Caller caller, LocalDate from, LocalDate to, CalendarEventType type, UUID classId) {
        checkWindow(from, to);
        return Audiences.of(caller).chain(audiences -> eventEntries(caller.tenantId(), audiences, from, to, type, classId));
    }

    /**
     * Occurrences of the events an audience sees in {@code [from, to]}. Call inside a session.
     */
    Uni<List<CalendarEntry>> eventEntries(UUID tenantId, Audiences audiences, LocalDate from, LocalDate to,
                                          CalendarEventType type, UUID classId) {
        LocalDateTime windowStart = from.atStartOfDay();
        LocalDateTime windowEnd = to.plusDays(1).atStartOfDay();
        return timeZone.zoneOf(tenantId).chain(zone -> CalendarEvent.overlapping(tenantId, windowStart, windowEnd).map(events -> {
            List<CalendarEntry> entries = new ArrayList<>();
            for (CalendarEvent event : events) {
                if (!audiences.sees(event.audience, event.classId, event.role) || (type != null && event.type != type) || (classId != null && !classId.equals(event.classId))) {
                    continue;
                }
                for (Recurrence.Occurrence o : Recurrence.occurrences(event.startsLocal, event.endsLocal, event.recurrence, event.allDay,
                        windowStart, windowEnd)) {
                    entries.add(new CalendarEntry(CalendarEntry.Kind.EVENT, event.title, o.start().atZone(zone), o.end().atZone(zone),
                            event.allDay, event.type, event.id, event.classId, null, null, null));
                }
            }
            return entries;
        }));
    }

    /**
     * The school's holiday dates in {@code [from, to]} (both inclusive): every day that an occurrence of
     * a school-wide {@link CalendarEventType#HOLIDAY} covers, even in part. Such days have no timetable
     * lessons and no register sessions. Call inside a session.
     *
     * @return the dates, ascending
     */
    public Uni<Set<LocalDate>> holidays(UUID tenantId, LocalDate from, LocalDate to) {
        LocalDateTime windowStart = from.atStartOfDay();
        LocalDateTime windowEnd = to.plusDays(1).atStartOfDay();
        return CalendarEvent.candidates(tenantId, CalendarEventType.HOLIDAY, windowStart, windowEnd).map(events -> {
            Set<LocalDate> days = new TreeSet<>();
            for (CalendarEvent event : events) {
                if (event.audience != Audience.SCHOOL) {
                    continue;
                }
                for (Recurrence.Occurrence occurrence : Recurrence.occurrences(event.startsLocal, event.endsLocal,
                        event.recurrence, event.allDay, windowStart, windowEnd)) {
                    LocalDate first = occurrence.start().toLocalDate().isBefore(from) ? from : occurrence.start().toLocalDate();
                    for (LocalDate day = first; !day.isAfter(to) && occurrence.covers(day); day = day.plusDays(1)) {
                        days.add(day);
                    }
                }
            }
            return days;
        });
    }

    /** The school's time zone (for views that turn local times into instants). Call inside a session. */
    Uni<ZoneId> zoneOf(UUID tenantId) {
        return timeZone.zoneOf(tenantId);
    }

    /**
     * Checks a query window.
     *
     * @throws ValidationException when {@code to} is before {@code from} or the window exceeds {@link #MAX_WINDOW_DAYS}
     */
    static void checkWindow(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new ValidationException("to", "must not be before from");
        }
        if (from.plusDays(MAX_WINDOW_DAYS).isBefore(to)) {
            throw new ValidationException("to", "the window may span at most " + MAX_WINDOW_DAYS + " days");
        }
    }

    private Uni<CalendarEvent> managedEvent(Caller caller, UUID eventId) {
        return CalendarEvent.findInTenant(CalendarEvent.class, caller.tenantId(), eventId).chain(event -> {
            if (event == null) {
                throw new NotFoundException("calendar event", eventId);
            }
            return checkMayManage(caller, event).replaceWith(event);
        });
    }

    private Uni<Void> checkMayManage(Caller caller, CalendarEvent event) {
        if (caller.hasRole(Role.ADMIN)) {
            return event.classId == null ? Uni.createFrom().voidItem()
                    : access.managedClass(caller, event.classId).replaceWithVoid();
        }
        if (!caller.hasRole(Role.TEACHER) || event.audience != Audience.CLASS) {
            throw new ForbiddenException("Only administrators manage school-wide and role events; teachers manage their classes' events");
        }
        if (event.type == CalendarEventType.HOLIDAY) {
            throw new ForbiddenException("Only administrators set holidays");
        }
        return access.managedClass(caller, event.classId).replaceWithVoid();
    }

    private Uni<UUID> announce(CalendarEvent event, boolean changed) {
        return timeZone.zoneOf(event.tenantId).chain(zone -> outbox.record(event.tenantId, new CalendarEventPublished(event.id,
                event.authorId, event.type.name(), event.title, event.audience.name(), event.classId, event.role, event.allDay,
                event.startsLocal.atZone(zone).toInstant(), event.endsLocal.atZone(zone).toInstant(), zone.getId(), event.recurrence,
                changed, Instant.now())));
    }

    /** Sets start and end from the request: dates (inclusive) for an all-day event, local date-times otherwise. */
    private static void setTimes(CalendarEvent event, LocalDate startDate, LocalDate endDate, LocalDateTime startsAt,
                                 LocalDateTime endsAt, boolean creating) {
        if (event.allDay) {
            LocalDate first = required(startDate, "startDate");
            LocalDate last = endDate == null ? first : endDate;
            if (last.isBefore(first)) {
                throw new ValidationException("endDate", "must not be before startDate");
            }
            event.startsLocal = first.atStartOfDay();
            event.endsLocal = last.plusDays(1).atStartOfDay();
        } else {
            LocalDateTime start = required(startsAt, "startsAt");
            LocalDateTime end = required(endsAt, "endsAt");
            if (!end.isAfter(start)) {
                throw new ValidationException("endsAt", "must be after startsAt");
            }
            event.startsLocal = start;
            event.endsLocal = end;
        }
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new ValidationException(field, "is required");
        }
        return value;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
