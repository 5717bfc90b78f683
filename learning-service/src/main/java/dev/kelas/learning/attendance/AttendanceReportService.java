package dev.kelas.learning.attendance;

import dev.kelas.contracts.Role;
import dev.kelas.learning.academic.Term;
import dev.kelas.learning.attendance.AttendanceSessionService.SessionView;
import dev.kelas.learning.common.ClassAccess;
import dev.kelas.learning.common.Guardianship;
import dev.kelas.learning.enrollment.Enrollment;
import dev.kelas.learning.enrollment.EnrollmentStatus;
import dev.kelas.learning.enrollment.SchoolClass;
import dev.kelas.learning.member.Member;
import dev.kelas.runtime.problem.ForbiddenException;
import dev.kelas.runtime.problem.NotFoundException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Attendance reports: a class's register (students by sessions), a student's history and a class's summary; the
 * students at or past the absence limit are {@link AtRiskService}'s.
 *
 * <p>The attendance percentage is the points earned over the points the best status earns times the sessions
 * marked: {@code sum(points) / (max(points) * marked) * 100}, 2 decimals, half up (with the default statuses
 * {@code sum(points) / (2 * marked) * 100}); null when nothing is marked. Absences are the marks whose status counts
 * as one plus one per {@code latesPerAbsence} LATE marks (rounded down).
 */
@ApplicationScoped
public class AttendanceReportService {
    private final ClassAccess access;
    private final AttendanceSessionService sessions;
    private final AttendanceTallies tallyRules;

    public AttendanceReportService(ClassAccess access, AttendanceSessionService sessions, AttendanceTallies tallyRules) {
        this.access = access;
        this.sessions = sessions;
        this.tallyRules = tallyRules;
    }

    /** A class's register: its sessions in the range and a row per student with their marks by session id. */
    public record Register(SchoolClass schoolClass, List<SessionView> sessions, List<RegisterRow> rows) {
    }

    /** A student's row of the register: status codes by session id. */
    public record RegisterRow(UUID studentId, String name, Map<UUID, String> marks) {
    }

    /** Counts of a set of marks: per status, absences by the lates rule, and the percentage. */
    public record Tally(Map<String, Long> counts, long marked, int absences, BigDecimal percentage) {
    }

    /** A page of a student's history with the counts over all of it. */
    public record History(UUID studentId, Tally tally, List<AttendanceMark.Entry> marks, int page, int size, long total) {
    }

    /** A student's line of a class summary. */
    public record StudentSummary(UUID studentId, String name, EnrollmentStatus enrollmentStatus, Tally tally, boolean atOrPastLimit) {
    }

    /** A class's summary: per student, the class as a whole and per subject. */
    public record ClassSummary(SchoolClass schoolClass, LocalDate from, LocalDate to, int absenceLimit, List<StudentSummary> students,
                               BigDecimal classPercentage, Map<UUID, BigDecimal> subjectPercentages) {
    }

    /**
     * The class's register in {@code [from, to]} (default: the class's term, or the last 30 days): every student
     * enrolled at some time in the range.
     */
    @WithSession
    public Uni<Register> register(Caller caller, UUID classId, LocalDate from, LocalDate to) {
        return access.managedClass(caller, classId).chain(schoolClass -> range(schoolClass, from, to).chain(range -> {
            AttendanceSessionService.checkRange(range[0], range[1]);
            return sessions.sessions(schoolClass, range[0], range[1]).chain(list -> {
                List<UUID> ids = list.stream().map(SessionView::id).filter(id -> id != null).toList();
                return AttendanceMark.listForSessions(ids).chain(marks -> Enrollment.listForClass(classId).chain(enrollments -> {
                    Map<UUID, Map<UUID, String>> byStudent = new LinkedHashMap<>();
                    for (Enrollment enrollment : enrollments) {
                        byStudent.putIfAbsent(enrollment.studentId, new LinkedHashMap<>());
                    }
                    for (AttendanceMark mark : marks) {
                        byStudent.computeIfAbsent(mark.studentId, id -> new LinkedHashMap<>()).put(mark.sessionId, mark.status);
                    }
                    return AttendanceTallies.names(caller.tenantId(), byStudent.keySet()).map(names -> new Register(schoolClass, list,
                            byStudent.entrySet().stream().map(e -> new RegisterRow(e.getKey(), names.get(e.getKey()), e.getValue()))
                                    .sorted(Comparator.comparing((RegisterRow r) -> r.name() == null ? "" : r.name())
                                            .thenComparing(RegisterRow::studentId)).toList()));
                }));
            });
        }));
    }

    /**
     * A student's marks in {@code [from, to]} (no bound when null), optionally of one class, newest first, with the
     * counts over all of them. The student and their linked parents read the student's; an administrator any; a
     * teacher those of the classes they teach.
     *
     * @throws NotFoundException  no such student in the school, or another student or parent asking
     * @throws ForbiddenException a teacher asking for a class they do not teach
     */
    @WithSession
    public Uni<History> studentHistory(Caller caller, UUID studentId, UUID classId, LocalDate from, LocalDate to, int page, int size) {
        boolean admin = caller.hasRole(Role.ADMIN);
        return Guardianship.readsAs(caller, studentId).chain(self -> {
            if (!self && !admin && !caller.hasRole(Role.TEACHER)) {
                throw new NotFoundException("student", studentId);
            }
            return studentHistory(caller, studentId, classId, from, to, page, size, self);
        });
    }

    private Uni<History> studentHistory(Caller caller, UUID studentId, UUID classId, LocalDate from, LocalDate to, int page, int size,
                                        boolean self) {
        UUID tenantId = caller.tenantId();
        boolean admin = caller.hasRole(Role.ADMIN);
        return Member.findInTenant(tenantId, studentId).chain(member -> {
            if (member == null) {
                throw new NotFoundException("student", studentId);
            }
            Uni<Set<UUID>> visible;
            if (classId != null) {
                visible = (self ? access.studentClass(caller, classId, studentId) : access.managedClass(caller, classId))
                        .map(c -> Set.of(classId));
            } else if (self || admin) {
                visible = Uni.createFrom().nullItem();
            } else {
                visible = AtRiskService.taughtClassIds(caller);
            }
            return visible.chain(classes -> AttendanceMark.history(tenantId, studentId, classId,
                    from == null ? LocalDate.of(1900, 1, 1) : from, to == null ? LocalDate.of(9999, 12, 31) : to)
                    .map(entries -> classes == null ? entries : entries.stream().filter(e -> classes.contains(e.session().classId)).toList()))
                    .chain(entries -> tallyRules.tallier(tenantId).map(tallier -> {
                        Tally tally = tallier.tally(entries.stream().map(e -> e.mark().status).toList());
                        int first = Math.min(entries.size(), page * size);
                        return new History(studentId, tally, entries.subList(first, Math.min(entries.size(), first + size)), page, size,
                                entries.size());
                    }));
        });
    }

    /**
     * A class's summary over {@code [from, to]} (default: the class's term): per student counts, absences, percentage
     * and whether the absences in the term reached the limit; the class's and each subject's percentage.
     */
    @WithSession
    public Uni<ClassSummary> classSummary(Caller caller, UUID classId, LocalDate from, LocalDate to) {
        UUID tenantId = caller.tenantId();
        return access.managedClass(caller, classId).chain(schoolClass -> range(schoolClass, from, to).chain(range ->
                AttendanceSession.listForClass(tenantId, classId, range[0], range[1]).chain(stored -> {
                    Map<UUID, AttendanceSession> byId = new HashMap<>();
                    stored.forEach(s -> byId.put(s.id, s));
                    return AttendanceMark.listForSessions(byId.keySet()).chain(marks -> Enrollment.listForClass(classId)
                            .chain(enrollments -> AttendanceMark.tallyInTerm(tenantId, List.of(classId), null)
                                    .chain(termTallies -> tallyRules.tallier(tenantId).chain(tallier -> {
                                        Map<UUID, List<String>> perStudent = new LinkedHashMap<>();
                                        Map<UUID, EnrollmentStatus> statusOf = new HashMap<>();
                                        for (Enrollment e : enrollments) {
                                            perStudent.putIfAbsent(e.studentId, new ArrayList<>());
                                            statusOf.merge(e.studentId, e.status, (a, b) -> a == EnrollmentStatus.ACTIVE ? a : b);
                                        }
                                        Map<UUID, List<String>> perSubject = new TreeMap<>();
                                        List<String> all = new ArrayList<>();
                                        for (AttendanceMark mark : marks) {
                                            perStudent.computeIfAbsent(mark.studentId, id -> new ArrayList<>()).add(mark.status);
                                            all.add(mark.status);
                                            UUID subjectId = byId.get(mark.sessionId).subjectId;
                                            if (subjectId != null) {
                                                perSubject.computeIfAbsent(subjectId, id -> new ArrayList<>()).add(mark.status);
                                            }
                                        }
                                        Map<UUID, Integer> termAbsences = tallier.absencesByStudent(termTallies);
                                        return AttendanceTallies.names(tenantId, perStudent.keySet()).map(names -> {
                                            List<StudentSummary> students = perStudent.entrySet().stream()
                                                    .map(e -> new StudentSummary(e.getKey(), names.get(e.getKey()), statusOf.get(e.getKey()),
                                                            tallier.tally(e.getValue()),
                                                            termAbsences.getOrDefault(e.getKey(), 0) >= tallier.setting().absenceLimit))
                                                    .sorted(Comparator.comparing((StudentSummary s) -> s.name() == null ? "" : s.name())
                                                            .thenComparing(StudentSummary::studentId))
                                                    .toList();
                                            Map<UUID, BigDecimal> subjects = new LinkedHashMap<>();
                                            perSubject.forEach((subjectId, list) -> subjects.put(subjectId, tallier.tally(list).percentage()));
                                            return new ClassSummary(schoolClass, range[0], range[1], tallier.setting().absenceLimit, students,
                                                    tallier.tally(all).percentage(), subjects);
                                        });
                                    }))));
                })));
    }

    /** The range asked for, else the class's term, else the 30 days up to today (UTC). */
    private static Uni<LocalDate[]> range(SchoolClass schoolClass, LocalDate from, LocalDate to) {
        if (from != null && to != null) {
            return Uni.createFrom().item(new LocalDate[] {from, to});
        }
        Uni<Term> term = schoolClass.termId == null ? Uni.createFrom().nullItem() : Term.findInTenant(schoolClass.tenantId, schoolClass.termId);
        return term.map(t -> {
            LocalDate start = from != null ? from : t != null ? t.startsOn : LocalDate.now().minusDays(30);
            LocalDate end = to != null ? to : t != null ? t.endsOn : LocalDate.now();
            return new LocalDate[] {start, end};
        });
    }
}
