package dev.kelas.learning.calendar;

import dev.kelas.learning.common.Audiences;
import dev.kelas.learning.assignment.Assignment;
import dev.kelas.learning.academic.ScheduleSlot;
import dev.kelas.learning.enrollment.SchoolClass;
import dev.kelas.learning.academic.Subject;
import dev.kelas.learning.academic.Term;
import dev.kelas.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A person's calendar for a date range in one list: the school calendar's events of their audiences,
 * their classes' lessons from the timetable (each weekly slot on its weekday within its term's dates,
 * minus holidays), and the due times of their classes' published assignments.
 */
@ApplicationScoped
public class PersonalCalendarService {
    private final CalendarService calendar;

    public PersonalCalendarService(CalendarService calendar) {
        this.calendar = calendar;
    }

    /**
     * The caller's entries in {@code [from, to]} (local dates of the school), in start order.
     *
     * @throws dev.kelas.runtime.problem.ValidationException for a reversed or too long window
     */
    @WithSession
    public Uni<List<CalendarEntry>> entries(Caller caller, LocalDate from, LocalDate to) {
        CalendarService.checkWindow(from, to);
        return Audiences.of(caller).chain(audiences -> entries(audiences, from, to));
    }

    /** A person's entries in {@code [from, to]}, in start order. Call inside a session. */
    Uni<List<CalendarEntry>> entries(Audiences audiences, LocalDate from, LocalDate to) {
        UUID tenantId = audiences.tenantId();
        List<UUID> classIds = List.copyOf(audiences.classIds());
        return calendar.zoneOf(tenantId).chain(zone -> calendar.eventEntries(tenantId, audiences, from, to, null, null)
                .chain(events -> lessons(tenantId, classIds, from, to, zone).map(lessons -> {
                    List<CalendarEntry> all = new ArrayList<>(events);
                    all.addAll(lessons);
                    return all;
                }))
                .chain(all -> dues(classIds, from, to, zone).map(dues -> {
                    all.addAll(dues);
                    all.sort(Comparator.comparing(CalendarEntry::start).thenComparing(CalendarEntry::title));
                    return all;
                })));
    }

    private Uni<List<CalendarEntry>> lessons(UUID tenantId, List<UUID> classIds, LocalDate from, LocalDate to, ZoneId zone) {
        if (classIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return ScheduleSlot.<ScheduleSlot>list("tenantId = ?1 and classId in ?2", tenantId, classIds).chain(slots -> {
            if (slots.isEmpty()) {
                return Uni.createFrom().item(List.<CalendarEntry>of());
            }
            Set<UUID> termIds = slots.stream().map(s -> s.termId).collect(Collectors.toSet());
            Set<UUID> subjectIds = slots.stream().map(s -> s.subjectId).collect(Collectors.toSet());
            return Term.<Term>list("tenantId = ?1 and id in ?2", tenantId, termIds)
                    .chain(terms -> Subject.<Subject>list("tenantId = ?1 and id in ?2", tenantId, subjectIds)
                            .chain(subjects -> SchoolClass.listInTenant(tenantId, classIds)
                                    .chain(classes -> calendar.holidays(tenantId, from, to).map(holidays -> expand(slots,
                                            byId(terms, t -> t.id), byId(subjects, s -> s.id), byId(classes, c -> c.id), holidays,
                                            from, to, zone)))));
        });
    }

    private static List<CalendarEntry> expand(List<ScheduleSlot> slots, Map<UUID, Term> terms, Map<UUID, Subject> subjects,
                                              Map<UUID, SchoolClass> classes, Set<LocalDate> holidays, LocalDate from, LocalDate to,
                                              ZoneId zone) {
        List<CalendarEntry> entries = new ArrayList<>();
        for (ScheduleSlot slot : slots) {
            Term term = terms.get(slot.termId);
            if (term == null) {
                continue;
            }
            LocalDate first = from.isBefore(term.startsOn) ? term.startsOn : from;
            LocalDate last = to.isAfter(term.endsOn) ? term.endsOn : to;
            Subject subject = subjects.get(slot.subjectId);
            SchoolClass schoolClass = classes.get(slot.classId);
            String title = (subject == null ? "Lesson" : subject.name) + (schoolClass == null ? "" : " (" + schoolClass.name + ")");
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                if (day.getDayOfWeek() != slot.dayOfWeek || holidays.contains(day)) {
                    continue;
                }
                entries.add(new CalendarEntry(CalendarEntry.Kind.LESSON, title, ZonedDateTime.of(day, slot.startsAt, zone),
                        ZonedDateTime.of(day, slot.endsAt, zone), false, null, null, slot.classId, slot.subjectId, null, slot.room));
            }
        }
        return entries;
    }

    private static Uni<List<CalendarEntry>> dues(List<UUID> classIds, LocalDate from, LocalDate to, ZoneId zone) {
        var windowStart = from.atStartOfDay(zone).toInstant();
        var windowEnd = to.plusDays(1).atStartOfDay(zone).toInstant();
        return Assignment.listPublishedForClasses(classIds).map(assignments -> assignments.stream()
                .filter(a -> a.dueAt != null && !a.dueAt.isBefore(windowStart) && a.dueAt.isBefore(windowEnd))
                .map(a -> {
                    ZonedDateTime due = a.dueAt.atZone(zone);
                    return new CalendarEntry(CalendarEntry.Kind.DUE, "Due: " + a.title, due, due, false, null, null, a.classId,
                            a.subjectId, a.id, null);
                })
                .toList());
    }

    private static <T> Map<UUID, T> byId(List<T> rows, Function<T, UUID> id) {
        return rows.stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
