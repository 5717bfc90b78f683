package dev.kelas.learning.attendance;

import dev.kelas.learning.calendar.CalendarService;
import dev.kelas.learning.academic.ScheduleSlot;
import dev.kelas.learning.enrollment.SchoolClass;
import dev.kelas.learning.academic.Subject;
import dev.kelas.learning.academic.Term;
import dev.kelas.learning.common.ClassAccess;
import dev.kelas.runtime.problem.KelasException.FieldError;
import dev.kelas.runtime.problem.NotFoundException;
import dev.kelas.runtime.problem.ValidationException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A class's register sessions. Each timetable slot of the class's term is a LESSON on each of its weekdays within
 * the term's dates, and each school day (Monday to Friday within the term) has one DAILY register; holidays of the
 * school calendar have neither. Teachers add EXTRA sessions. LESSON and DAILY sessions are stored when first marked;
 * until then they are named by a key, {@code LESSON:<slotId>:<date>} or {@code DAILY:<classId>:<date>}. A stored
 * session's key is its id.
 */
@ApplicationScoped
public class AttendanceSessionService {
    /** Longest date range a listing covers, in days. */
    public static final int MAX_RANGE_DAYS = 400;

    private final ClassAccess access;
    private final CalendarService calendar;

    public AttendanceSessionService(ClassAccess access, CalendarService calendar) {
        this.access = access;
        this.calendar = calendar;
    }

    /**
     * A session, stored or not yet.
     *
     * @param stored the stored row, or null while a LESSON or DAILY session has no marks
     * @param key    the stored session's id, else {@code LESSON:<slotId>:<date>} or {@code DAILY:<classId>:<date>}
     */
    public record SessionView(AttendanceSession stored, String key, SessionKind kind, UUID classId, LocalDate date, UUID slotId,
                              UUID subjectId, UUID teacherId, LocalTime startsAt, LocalTime endsAt, String title) {
        /** The stored id, or null. */
        public UUID id() {
            return stored == null ? null : stored.id;
        }

        static SessionView of(AttendanceSession session) {
            return new SessionView(session, session.id.toString(), session.kind, session.classId, session.date, session.slotId,
                    session.subjectId, session.teacherId, session.startsAt, session.endsAt, session.title);
        }

        /** The row to store for this session when it is first marked. */
        AttendanceSession toStored(UUID tenantId, UUID createdBy) {
            return AttendanceSession.create(tenantId, classId, kind, date, slotId, subjectId, teacherId, startsAt, endsAt, title,
                    createdBy);
        }
    }

    /** A session with how many marks it has of each status. */
    public record SessionSummary(SessionView session, Map<String, Long> counts) {
        /** Marks in all. */
        public long marked() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** A session the caller manages, with its class. */
    public record ManagedSession(SchoolClass schoolClass, SessionView session) {
    }

    /** An EXTRA session a teacher adds. */
    public record ExtraDraft(LocalDate date, LocalTime startsAt, LocalTime endsAt, UUID subjectId, String title) {
    }

    /**
     * The class's sessions in {@code [from, to]} with their marks counted, by date and time.
     *
     * @throws ValidationException {@code to} before {@code from} or a range over {@value #MAX_RANGE_DAYS} days
     */
    @WithSession
    public Uni<List<SessionSummary>> listSessions(Caller caller, UUID classId, LocalDate from, LocalDate to) {
        checkRange(from, to);
        return access.managedClass(caller, classId).chain(schoolClass -> sessions(schoolClass, from, to))
                .chain(sessions -> {
                    List<UUID> ids = sessions.stream().map(SessionView::id).filter(id -> id != null).toList();
                    return AttendanceMark.listForSessions(ids).map(marks -> {
                        Map<UUID, Map<String, Long>> counts = new HashMap<>();
                        for (AttendanceMark mark : marks) {
                            counts.computeIfAbsent(mark.sessionId, id -> new java.util.TreeMap<>()).merge(mark.status, 1L, Long::sum);
                        }
                        return sessions.stream().map(s -> new SessionSummary(s, s.id() == null ? Map.of()
                                : counts.getOrDefault(s.id(), Map.of()))).toList();
                    });
                });
    }

    /**
     * Adds an EXTRA session to the class (a make-up lesson, a trip).
     *
     * @throws ValidationException {@code date}, {@code startsAt}/{@code endsAt} (start before end), {@code title}
     *                             (1-200 characters) or an unknown {@code subjectId}
     */
    @WithTransaction
    public Uni<SessionView> addExtraSession(Caller caller, UUID classId, ExtraDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        if (draft.date() == null) {
            errors.add(new FieldError("date", "must not be null"));
        }
        if (draft.startsAt() == null || draft.endsAt() == null || !draft.startsAt().isBefore(draft.endsAt())) {
            errors.add(new FieldError("endsAt", "startsAt and endsAt are required and startsAt must come before endsAt"));
        }
        String title = draft.title() == null ? "" : draft.title().strip();
        if (title.isEmpty() || title.length() > 200) {
            errors.add(new FieldError("title", "must be 1-200 characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("Invalid session", errors);
        }
        return access.managedClass(caller, classId)
                .call(() -> draft.subjectId() == null ? Uni.createFrom().voidItem()
                        : Subject.findInTenant(caller.tenantId(), draft.subjectId()).invoke(subject -> {
                    if (subject == null) {
                        throw new ValidationException("subjectId", "No such subject in your school");
                    }
                }))
                .chain(schoolClass -> AttendanceSession.create(caller.tenantId(), classId, SessionKind.EXTRA, draft.date(), null,
                        draft.subjectId(), caller.userId(), draft.startsAt(), draft.endsAt(), title, caller.userId())
                        .<AttendanceSession>persist())
                .map(SessionView::of);
    }

    /**
     * The session a key or id names, if the caller manages its class. Call inside a session.
     *
     * @throws NotFoundException  for a key naming no session of the caller's school (a weekday the slot has no
     *                            lesson, a date outside the term, a holiday, another school's id)
     * @throws dev.kelas.runtime.problem.ForbiddenException if the caller does not manage the class
     */
    public Uni<ManagedSession> managedSession(Caller caller, String keyOrId) {
        UUID tenantId = caller.tenantId();
        String[] parts = keyOrId == null ? new String[0] : keyOrId.split(":");
        try {
            if (parts.length == 1) {
                UUID id = UUID.fromString(parts[0]);
                return AttendanceSession.findInTenant(tenantId, id).chain(session -> {
                    if (session == null) {
                        throw new NotFoundException("session", keyOrId);
                    }
                    return access.managedClass(caller, session.classId).map(c -> new ManagedSession(c, SessionView.of(session)));
                });
            }
            if (parts.length == 3 && (parts[0].equals("LESSON") || parts[0].equals("DAILY"))) {
                UUID id = UUID.fromString(parts[1]);
                LocalDate date = LocalDate.parse(parts[2]);
                Uni<UUID> classId = parts[0].equals("DAILY") ? Uni.createFrom().item(id)
                        : ScheduleSlot.findInTenant(tenantId, id).map(slot -> {
                    if (slot == null) {
                        throw new NotFoundException("session", keyOrId);
                    }
                    return slot.classId;
                });
                return classId.chain(c -> access.managedClass(caller, c))
                        .chain(schoolClass -> sessions(schoolClass, date, date).map(found -> found.stream()
                                .filter(s -> s.key().equals(keyOrId) || (s.stored() != null && keyOf(s).equals(keyOrId)))
                                .findFirst()
                                .map(s -> new ManagedSession(schoolClass, s))
                                .orElseThrow(() -> new NotFoundException("session", keyOrId))));
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new NotFoundException("session", keyOrId);
        }
        throw new NotFoundException("session", keyOrId);
    }

    /**
     * The class's sessions in {@code [from, to]}: the stored ones and those the timetable and the calendar give, by
     * date and start time (the DAILY register first). Call inside a session.
     */
    public Uni<List<SessionView>> sessions(SchoolClass schoolClass, LocalDate from, LocalDate to) {
        UUID tenantId = schoolClass.tenantId;
        Uni<Term> term = schoolClass.termId == null ? Uni.createFrom().nullItem() : Term.findInTenant(tenantId, schoolClass.termId);
        return term.chain(t -> AttendanceSession.listForClass(tenantId, schoolClass.id, from, to).chain(stored -> {
            if (t == null) {
                return Uni.createFrom().item(sorted(stored.stream().map(SessionView::of).toList()));
            }
            LocalDate start = from.isBefore(t.startsOn) ? t.startsOn : from;
            LocalDate end = to.isAfter(t.endsOn) ? t.endsOn : to;
            if (start.isAfter(end)) {
                return Uni.createFrom().item(sorted(stored.stream().map(SessionView::of).toList()));
            }
            return ScheduleSlot.listForTerm(tenantId, t.id)
                    .chain(slots -> calendar.holidays(tenantId, start, end).map(holidays -> merge(schoolClass,
                            slots.stream().filter(slot -> slot.classId.equals(schoolClass.id)).toList(), holidays, stored, start, end)));
        }));
    }

    private static List<SessionView> merge(SchoolClass schoolClass, List<ScheduleSlot> slots, Set<LocalDate> holidays,
                                           List<AttendanceSession> stored, LocalDate start, LocalDate end) {
        Map<String, AttendanceSession> byKey = new HashMap<>();
        List<SessionView> result = new ArrayList<>();
        for (AttendanceSession session : stored) {
            if (session.kind == SessionKind.EXTRA) {
                result.add(SessionView.of(session));
            } else {
                byKey.put(keyOf(SessionView.of(session)), session);
            }
        }
        for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
            if (holidays.contains(day)) {
                continue;
            }
            DayOfWeek weekday = day.getDayOfWeek();
            if (weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY) {
                String key = "DAILY:" + schoolClass.id + ":" + day;
                AttendanceSession found = byKey.remove(key);
                result.add(found != null ? SessionView.of(found) : new SessionView(null, key, SessionKind.DAILY, schoolClass.id, day,
                        null, null, schoolClass.teacherId, null, null, "Daily register"));
            }
            for (ScheduleSlot slot : slots) {
                if (slot.dayOfWeek != weekday) {
                    continue;
                }
                String key = "LESSON:" + slot.id + ":" + day;
                AttendanceSession found = byKey.remove(key);
                result.add(found != null ? SessionView.of(found) : new SessionView(null, key, SessionKind.LESSON, schoolClass.id, day,
                        slot.id, slot.subjectId, slot.teacherId, slot.startsAt, slot.endsAt, null));
            }
        }
        // Stored sessions the timetable no longer gives (a slot moved, a holiday added later) keep their marks.
        byKey.values().forEach(session -> result.add(SessionView.of(session)));
        return sorted(result);
    }

    /** The generated key of a LESSON or DAILY session (also of a stored one). */
    private static String keyOf(SessionView session) {
        return session.kind() == SessionKind.DAILY ? "DAILY:" + session.classId() + ":" + session.date()
                : session.kind() == SessionKind.LESSON ? "LESSON:" + session.slotId() + ":" + session.date() : session.key();
    }

    private static List<SessionView> sorted(List<SessionView> sessions) {
        List<SessionView> copy = new ArrayList<>(sessions);
        copy.sort(Comparator.comparing(SessionView::date)
                .thenComparing(SessionView::startsAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(SessionView::key));
        return copy;
    }

    /**
     * Checks a date range.
     *
     * @throws ValidationException {@code from}/{@code to} missing, reversed or longer than {@value #MAX_RANGE_DAYS} days
     */
    public static void checkRange(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw new ValidationException("from", "from and to are required (ISO dates)");
        }
        if (to.isBefore(from)) {
            throw new ValidationException("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_RANGE_DAYS) {
            throw new ValidationException("to", "the range may cover at most " + MAX_RANGE_DAYS + " days");
        }
    }
}
