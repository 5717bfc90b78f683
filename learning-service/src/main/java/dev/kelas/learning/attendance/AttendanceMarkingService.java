package dev.kelas.learning.attendance;

import dev.kelas.contracts.events.AttendanceMarked;
import dev.kelas.learning.attendance.AttendanceSessionService.ManagedSession;
import dev.kelas.learning.attendance.AttendanceSessionService.SessionView;
import dev.kelas.learning.calendar.SchoolTimeZone;
import dev.kelas.learning.enrollment.Enrollment;
import dev.kelas.learning.enrollment.SchoolClass;
import dev.kelas.runtime.outbox.Outbox;
import dev.kelas.runtime.problem.KelasException.FieldError;
import dev.kelas.runtime.problem.ValidationException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Taking and correcting the register. A request's marks are checked whole: every bad entry is listed and nothing
 * is written. Each change of an existing mark goes to the append-only audit trail; one after the session's day
 * needs a reason. Each request announces its marks in one {@code kelas.learning.attendance.marked}, then
 * {@link AbsenceLimitService} announces the students whose absences reached the school's limit.
 */
@ApplicationScoped
public class AttendanceMarkingService {
    /** Longest remark, in characters. */
    public static final int MAX_REMARK = 500;
    /** Most minutes late a LATE mark records. */
    public static final int MAX_MINUTES_LATE = 600;

    private final AttendanceSessionService sessions;
    private final AttendanceSettingsService settings;
    private final AbsenceLimitService absenceLimits;
    private final SchoolTimeZone zones;
    private final Outbox outbox;

    public AttendanceMarkingService(AttendanceSessionService sessions, AttendanceSettingsService settings,
                                    AbsenceLimitService absenceLimits, SchoolTimeZone zones, Outbox outbox) {
        this.sessions = sessions;
        this.settings = settings;
        this.absenceLimits = absenceLimits;
        this.zones = zones;
        this.outbox = outbox;
    }

    /** One student's mark as a teacher gives it. */
    public record MarkDraft(UUID studentId, String status, String remark, Integer minutesLate) {
    }

    /** A session with its marks. */
    public record SessionMarks(SessionView session, List<AttendanceMark> marks) {
    }

    /**
     * Sets marks in a session (stored now if it was not yet).
     *
     * @param restPresent marks every student enrolled on the session's date without a mark PRESENT
     * @param reason      why, required when a mark changes after the session's day
     * @throws ValidationException every bad entry as {@code marks[i].studentId|status|minutesLate|remark}: unknown
     *                             status, a student not enrolled in the class on the session's date, a repeated
     *                             student, minutes late for a status other than LATE or outside 0-600, a remark over
     *                             500 characters; a session in the future ({@code date}); a late change without
     *                             {@code reason}
     * @throws dev.kelas.runtime.problem.NotFoundException  no such session
     * @throws dev.kelas.runtime.problem.ForbiddenException not a teacher of the class or an administrator
     */
    @WithTransaction
    public Uni<SessionMarks> markSession(Caller caller, String keyOrId, List<MarkDraft> drafts, boolean restPresent, String reason) {
        List<MarkDraft> entries = drafts == null ? List.of() : drafts;
        return sessions.managedSession(caller, keyOrId).chain(managed -> zones.zoneOf(caller.tenantId())
                .chain(zone -> lock(managed.schoolClass().id).chain(() -> settings.statuses(caller.tenantId()))
                        .chain(statuses -> Enrollment.listForClass(managed.schoolClass().id)
                                .chain(enrollments -> stored(caller, managed)
                                        .chain(session -> AttendanceMark.listForSession(session.id)
                                                .chain(existing -> apply(caller, managed.schoolClass(), session, zone, statuses,
                                                        enrollments, existing, entries, restPresent, reason)))))));
    }

    private Uni<SessionMarks> apply(Caller caller, SchoolClass schoolClass, AttendanceSession session, ZoneId zone,
                                    List<AttendanceStatus> statuses, List<Enrollment> enrollments, List<AttendanceMark> existing,
                                    List<MarkDraft> entries, boolean restPresent, String reason) {
        LocalDate today = LocalDate.now(zone);
        if (session.date.isAfter(today)) {
            throw new ValidationException("date", "The session is on " + session.date + ", in the future: it cannot be marked yet");
        }
        Map<String, AttendanceStatus> byCode = new HashMap<>();
        statuses.forEach(s -> byCode.put(s.code, s));
        Map<UUID, Enrollment> enrolled = enrolledOn(enrollments, session.date, zone);
        Map<UUID, AttendanceMark> marks = new HashMap<>();
        existing.forEach(m -> marks.put(m.studentId, m));
        String why = reason == null || reason.isBlank() ? null : reason.strip();

        List<FieldError> errors = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        boolean changesExisting = false;
        for (int i = 0; i < entries.size(); i++) {
            MarkDraft draft = entries.get(i);
            String field = "marks[" + i + "].";
            if (draft == null) {
                errors.add(new FieldError("marks[" + i + "]", "must not be null"));
                continue;
            }
            if (draft.studentId() == null) {
                errors.add(new FieldError(field + "studentId", "must not be null"));
            } else if (!seen.add(draft.studentId())) {
                errors.add(new FieldError(field + "studentId", "is marked twice in this request"));
            } else if (!enrolled.containsKey(draft.studentId())) {
                errors.add(new FieldError(field + "studentId", "not enrolled in the class on " + session.date));
            }
            AttendanceStatus status = draft.status() == null ? null : byCode.get(draft.status().strip());
            if (status == null) {
                errors.add(new FieldError(field + "status", "must be one of the school's statuses " + byCode.keySet().stream().sorted().toList()));
            }
            if (draft.minutesLate() != null) {
                if (status != null && !AttendanceStatus.LATE.equals(status.code)) {
                    errors.add(new FieldError(field + "minutesLate", "only a LATE mark records minutes late"));
                } else if (draft.minutesLate() < 0 || draft.minutesLate() > MAX_MINUTES_LATE) {
                    errors.add(new FieldError(field + "minutesLate", "must be 0 to " + MAX_MINUTES_LATE));
                }
            }
            String remark = remark(draft.remark());
            if (remark != null && remark.length() > MAX_REMARK) {
                errors.add(new FieldError(field + "remark", "must be at most " + MAX_REMARK + " characters"));
            }
            AttendanceMark mark = draft.studentId() == null ? null : marks.get(draft.studentId());
            if (mark != null && status != null && mark.differs(status.code, draft.minutesLate(), remark)) {
                changesExisting = true;
            }
        }
        if (why != null && why.length() > MAX_REMARK) {
            errors.add(new FieldError("reason", "must be at most " + MAX_REMARK + " characters"));
        }
        if (errors.isEmpty() && changesExisting && why == null && session.date.isBefore(today)) {
            errors.add(new FieldError("reason", "A reason is required to change a mark after the session's day"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("The marks have invalid entries; nothing was written", errors);
        }

        Instant now = Instant.now();
        List<AttendanceMark> created = new ArrayList<>();
        List<AttendanceMarkChange> changes = new ArrayList<>();
        List<AttendanceMarked.Mark> announced = new ArrayList<>();
        for (MarkDraft draft : entries) {
            AttendanceStatus status = byCode.get(draft.status().strip());
            String remark = remark(draft.remark());
            AttendanceMark mark = marks.get(draft.studentId());
            if (mark == null) {
                mark = AttendanceMark.create(session, draft.studentId(), enrolled.get(draft.studentId()).id, caller.userId(), now);
                mark.set(status.code, draft.minutesLate(), remark, caller.userId(), now);
                created.add(mark);
                marks.put(mark.studentId, mark);
                announced.add(new AttendanceMarked.Mark(mark.studentId, status.code, status.countsAsAbsence, draft.minutesLate(), false));
            } else if (mark.differs(status.code, draft.minutesLate(), remark)) {
                changes.add(AttendanceMarkChange.of(mark, status.code, remark, why, caller.userId(), now));
                mark.set(status.code, draft.minutesLate(), remark, caller.userId(), now);
                announced.add(new AttendanceMarked.Mark(mark.studentId, status.code, status.countsAsAbsence, draft.minutesLate(), true));
            }
        }
        if (restPresent) {
            AttendanceStatus present = byCode.containsKey(AttendanceStatus.PRESENT) ? byCode.get(AttendanceStatus.PRESENT) : statuses.get(0);
            for (Enrollment enrollment : enrolled.values()) {
                if (!marks.containsKey(enrollment.studentId)) {
                    AttendanceMark mark = AttendanceMark.create(session, enrollment.studentId, enrollment.id, caller.userId(), now);
                    mark.set(present.code, null, null, caller.userId(), now);
                    created.add(mark);
                    marks.put(mark.studentId, mark);
                    announced.add(new AttendanceMarked.Mark(mark.studentId, present.code, present.countsAsAbsence, null, false));
                }
            }
        }
        Uni<Void> written = (created.isEmpty() ? Uni.createFrom().voidItem() : PanacheEntityBase.persist(created))
                .chain(() -> changes.isEmpty() ? Uni.createFrom().voidItem() : PanacheEntityBase.persist(changes))
                .call(() -> Panache.getSession().chain(s -> s.flush()));
        if (!announced.isEmpty()) {
            written = written.chain(() -> outbox.record(caller.tenantId(), new AttendanceMarked(session.id, session.classId,
                    session.subjectId, session.date, caller.userId(), announced, now)).replaceWithVoid())
                    .chain(() -> absenceLimits.checkLimits(schoolClass, announced.stream().map(AttendanceMarked.Mark::studentId).toList(),
                            byCode, enrollments, now));
        }
        return written.replaceWith(() -> new SessionMarks(SessionView.of(session), List.copyOf(marks.values())));
    }

    /**
     * A session's marks.
     *
     * @throws dev.kelas.runtime.problem.NotFoundException  no such session
     * @throws dev.kelas.runtime.problem.ForbiddenException not a teacher of the class or an administrator
     */
    @WithSession
    public Uni<SessionMarks> sessionMarks(Caller caller, String keyOrId) {
        return sessions.managedSession(caller, keyOrId).chain(managed -> managed.session().stored() == null
                ? Uni.createFrom().item(new SessionMarks(managed.session(), List.of()))
                : AttendanceMark.listForSession(managed.session().id()).map(marks -> new SessionMarks(managed.session(), marks)));
    }

    /**
     * A session's audit trail, oldest first.
     *
     * @throws dev.kelas.runtime.problem.NotFoundException  no such session
     * @throws dev.kelas.runtime.problem.ForbiddenException not a teacher of the class or an administrator
     */
    @WithSession
    public Uni<List<AttendanceMarkChange>> sessionChanges(Caller caller, String keyOrId) {
        return sessions.managedSession(caller, keyOrId).chain(managed -> managed.session().stored() == null
                ? Uni.createFrom().item(List.<AttendanceMarkChange>of())
                : AttendanceMarkChange.listForSession(managed.session().id()));
    }

    /**
     * The enrollment each student was in on a date: it began on or before that day and had not ended before it
     * (days in the school's zone). A student who joined later is not on the register of an earlier day.
     */
    public static Map<UUID, Enrollment> enrolledOn(List<Enrollment> enrollments, LocalDate date, ZoneId zone) {
        Map<UUID, Enrollment> result = new LinkedHashMap<>();
        for (Enrollment enrollment : enrollments) {
            LocalDate began = enrollment.createdAt.atZone(zone).toLocalDate();
            LocalDate ended = enrollment.endedAt == null ? null : enrollment.endedAt.atZone(zone).toLocalDate();
            if (!began.isAfter(date) && (ended == null || !ended.isBefore(date))) {
                result.put(enrollment.studentId, enrollment);
            }
        }
        return result;
    }

    private static String remark(String remark) {
        return remark == null || remark.isBlank() ? null : remark.strip();
    }

    /** The stored session, storing it now if it was only generated (under the class's lock). */
    private static Uni<AttendanceSession> stored(Caller caller, ManagedSession managed) {
        SessionView view = managed.session();
        if (view.stored() != null) {
            return Uni.createFrom().item(view.stored());
        }
        Uni<AttendanceSession> again = view.kind() == SessionKind.DAILY ? AttendanceSession.daily(view.classId(), view.date())
                : AttendanceSession.lesson(view.classId(), view.date(), view.slotId());
        return again.chain(found -> found != null ? Uni.createFrom().item(found)
                : view.toStored(caller.tenantId(), caller.userId()).<AttendanceSession>persist()
                .call(() -> Panache.getSession().chain(s -> s.flush())));
    }

    /** Serialises marking per class until the transaction ends, so a session is stored once and limits announced once. */
    private static Uni<Void> lock(UUID classId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select 1 from pg_advisory_xact_lock(hashtextextended(?1, 0))", Integer.class)
                .setParameter(1, "kelas.attendance:" + classId)
                .getSingleResult()).replaceWithVoid();
    }
}
