package dev.kelas.learning.analytics;

import dev.kelas.contracts.ErrorCode;
import dev.kelas.contracts.Role;
import dev.kelas.learning.analytics.StudentDashboard.Absence;
import dev.kelas.learning.analytics.StudentDashboard.Lab;
import dev.kelas.learning.analytics.StudentDashboard.RecentGrade;
import dev.kelas.learning.analytics.StudentDashboard.Series;
import dev.kelas.learning.analytics.StudentDashboard.TaskScore;
import dev.kelas.learning.analytics.StudentDashboard.Work;
import dev.kelas.learning.common.ClassAccess;
import dev.kelas.runtime.problem.ForbiddenException;
import dev.kelas.runtime.problem.KelasException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Dashboards and leaderboards, computed from the analytics read model only (never the transactional tables;
 * {@link ClassAccess} decides who may look). Every figure a student can see counts released grades and
 * notes visible to students only.
 *
 * <ul>
 *   <li>Grade average: the mean of released, not excused grades as percent of their points (1 decimal, half up).</li>
 *   <li>Attendance: marks that are not absences over all marks, in percent (1 decimal, half up).</li>
 *   <li>Behaviour: the sum of the points of visible notes.</li>
 *   <li>Lab score: the sum over the class's tasks of the student's best score.</li>
 * </ul>
 */
@ApplicationScoped
public class AnalyticsService {
    /** The metrics a leaderboard ranks by. */
    public static final List<String> METRICS = List.of("grade-average", "attendance", "behavior", "lab-score");
    static final int RECENT = 5;
    /** A student whose recorded grade average in the class is below this percent is at risk. */
    public static final BigDecimal AT_RISK_GRADE_PERCENT = BigDecimal.valueOf(60);
    /** A student whose attendance in the class is below this percent is at risk. */
    public static final BigDecimal AT_RISK_ATTENDANCE_PERCENT = BigDecimal.valueOf(80);
    /** A student with at least this many assignments due by now, neither handed in nor graded, is at risk. */
    public static final int AT_RISK_MISSING_WORK = 2;

    private final ClassAccess access;
    private final AnalyticsSettingsService settings;

    public AnalyticsService(ClassAccess access, AnalyticsSettingsService settings) {
        this.access = access;
        this.settings = settings;
    }

    /**
     * The dashboard of one student, for the student themself, a teacher of a class they are enrolled in now, or an
     * administrator.
     *
     * @throws ForbiddenException for anyone else
     */
    @WithSession
    public Uni<StudentDashboard> studentDashboard(Caller caller, UUID studentId, Instant now) {
        UUID tenant = caller.tenantId();
        return AnalyticsEnrollment.<AnalyticsEnrollment>list("tenantId = ?1 and studentId = ?2", tenant, studentId)
                .chain(enrollments -> mayView(caller, studentId, enrollments).chain(() -> dashboard(tenant, studentId, enrollments, now)));
    }

    private Uni<Void> mayView(Caller caller, UUID studentId, List<AnalyticsEnrollment> enrollments) {
        if (caller.userId().equals(studentId) || caller.hasRole(Role.ADMIN)) {
            return Uni.createFrom().voidItem();
        }
        List<UUID> classes = enrollments.stream().filter(e -> "ACTIVE".equals(e.status)).map(e -> e.classId).distinct().toList();
        Uni<Boolean> any = Uni.createFrom().item(false);
        if (caller.hasRole(Role.TEACHER)) {
            for (UUID classId : classes) {
                any = any.chain(found -> found ? Uni.createFrom().item(true) : access.manages(caller, classId));
            }
        }
        return any.invoke(allowed -> {
            if (!allowed) {
                throw new ForbiddenException("Only the student, their class's teachers or an administrator may see this dashboard");
            }
        }).replaceWithVoid();
    }

    private Uni<StudentDashboard> dashboard(UUID tenant, UUID studentId, List<AnalyticsEnrollment> enrollments, Instant now) {
        List<UUID> activeClasses = enrollments.stream().filter(e -> "ACTIVE".equals(e.status)).map(e -> e.classId).distinct().toList();
        Uni<List<AnalyticsAssignment>> assignments = activeClasses.isEmpty() ? Uni.createFrom().item(List.of())
                : AnalyticsAssignment.list("tenantId = ?1 and classId in ?2 and deletedAt is null", tenant, activeClasses);
        return assignments.chain(work -> AnalyticsHandIn.<AnalyticsHandIn>list("tenantId = ?1 and studentId = ?2", tenant, studentId)
                .chain(handIns -> AnalyticsGrade.<AnalyticsGrade>list("tenantId = ?1 and studentId = ?2", tenant, studentId)
                .chain(grades -> AnalyticsAttendance.<AnalyticsAttendance>list("tenantId = ?1 and studentId = ?2", tenant, studentId)
                .chain(marks -> AnalyticsBehavior.<AnalyticsBehavior>list("tenantId = ?1 and studentId = ?2", tenant, studentId)
                .chain(notes -> AnalyticsLabAttempt.<AnalyticsLabAttempt>list("tenantId = ?1 and studentId = ?2", tenant, studentId)
                .chain(attempts -> asOf(tenant).map(asOf -> {
                    Set<UUID> done = new HashSet<>();
                    handIns.forEach(h -> done.add(h.assignmentId));
                    grades.forEach(g -> done.add(g.assignmentId));
                    List<Work> open = work.stream().filter(a -> !done.contains(a.id) && a.dueAt != null)
                            .sorted(Comparator.comparing((AnalyticsAssignment a) -> a.dueAt).thenComparing(a -> a.id))
                            .map(a -> new Work(a.id, a.classId, a.title, a.kind, a.dueAt)).toList();
                    List<Work> upcoming = open.stream().filter(w -> w.dueAt().isAfter(now)).toList();
                    List<Work> overdue = open.stream().filter(w -> !w.dueAt().isAfter(now)).toList();
                    List<AnalyticsGrade> released = grades.stream().filter(g -> g.released).toList();
                    List<RecentGrade> recent = released.stream()
                            .sorted(Comparator.comparing((AnalyticsGrade g) -> g.releasedAt).reversed().thenComparing(g -> g.id))
                            .limit(RECENT).map(g -> new RecentGrade(g.assignmentId, g.classId, g.title, g.releasedScore, g.maxScore,
                                    g.excused, g.excused ? null : AnalyticsFigures.percent(g), g.releasedAt)).toList();
                    List<Absence> absences = marks.stream().filter(m -> m.absence)
                            .sorted(Comparator.comparing((AnalyticsAttendance m) -> m.day).reversed().thenComparing(m -> m.id))
                            .limit(RECENT).map(m -> new Absence(m.classId, m.day, m.status)).toList();
                    int behavior = notes.stream().filter(n -> n.visibleToStudent).mapToInt(n -> n.points).sum();
                    return new StudentDashboard(studentId, asOf, upcoming, overdue, recent, AnalyticsFigures.attendance(marks), absences,
                            behavior, AnalyticsFigures.lab(attempts), AnalyticsFigures.trend(released));
                })))))));
    }

    /**
     * The leaderboard of a class by one metric among its ACTIVE students. A student sees it only if the school
     * shows leaderboards to students, and gets the top {@code top} entries and their own.
     *
     * @throws dev.kelas.runtime.problem.NotFoundException for a class of another school
     * @throws ForbiddenException                           for a caller with no part in the class
     * @throws KelasException                               403 LEADERBOARD_HIDDEN for a student when the school hides them
     */
    @WithSession
    public Uni<Leaderboard> leaderboard(Caller caller, UUID classId, String metric, int top) {
        UUID tenant = caller.tenantId();
        boolean studentOnly = caller.hasRole(Role.STUDENT) && !caller.hasRole(Role.TEACHER) && !caller.hasRole(Role.ADMIN);
        return access.readableClass(caller, classId).chain(schoolClass -> requireVisible(tenant, studentOnly)).chain(() -> {
            return AnalyticsEnrollment.<AnalyticsEnrollment>list("tenantId = ?1 and classId = ?2 and status = 'ACTIVE'", tenant, classId);
        }).chain(members -> values(tenant, List.of(classId), metric).chain(values -> asOf(tenant).map(asOf -> {
            Set<UUID> students = members.stream().map(e -> e.studentId).collect(Collectors.toSet());
            List<Leaderboard.Entry> ranked = ranking(students, values);
            Leaderboard.Entry me = ranked.stream().filter(e -> e.studentId().equals(caller.userId())).findFirst().orElse(null);
            return new Leaderboard(classId, metric, asOf, ranked.size(), ranked.stream().limit(top).toList(), me);
        })));
    }

    /**
     * A class's dashboard for its teachers and administrators.
     *
     * @throws dev.kelas.runtime.problem.NotFoundException for a class of another school
     * @throws ForbiddenException                           for anyone but the class's teachers and administrators
     */
    @WithSession
    public Uni<ClassDashboard> classDashboard(Caller caller, UUID classId, Instant now) {
        UUID tenant = caller.tenantId();
        return access.managedClass(caller, classId)
                .chain(c -> AnalyticsEnrollment.<AnalyticsEnrollment>list("tenantId = ?1 and classId = ?2 and status = 'ACTIVE'", tenant, classId))
                .chain(members -> AnalyticsAssignment.<AnalyticsAssignment>list("tenantId = ?1 and classId = ?2 and deletedAt is null", tenant, classId)
                .chain(work -> classRows(HAND_INS_OF_CLASS, tenant, classId)
                .chain(handIns -> readOnly(AnalyticsGrade.class, "from AnalyticsGrade where tenantId = ?1 and classId = ?2", tenant, classId)
                .chain(grades -> classRows(ATTENDANCE_OF_CLASS, tenant, classId)
                .chain(marks -> asOf(tenant).map(asOf -> {
                    Set<UUID> students = members.stream().map(e -> e.studentId).collect(Collectors.toSet());
                    Set<String> handedIn = handIns.stream().filter(h -> students.contains((UUID) h[1]))
                            .map(h -> h[0] + "/" + h[1]).collect(Collectors.toSet());
                    Set<String> graded = grades.stream().filter(g -> g.recordedScore != null || g.released)
                            .map(g -> g.assignmentId + "/" + g.studentId).collect(Collectors.toSet());
                    List<AnalyticsAssignment> ordered = work.stream().sorted(Comparator.comparing((AnalyticsAssignment a) -> a.publishedAt)
                            .thenComparing(a -> a.id)).toList();
                    List<ClassDashboard.Waiting> waiting = new ArrayList<>();
                    List<ClassDashboard.HandInRate> rates = new ArrayList<>();
                    Map<UUID, Integer> missing = new HashMap<>();
                    for (AnalyticsAssignment a : ordered) {
                        int waits = (int) students.stream().filter(s -> handedIn.contains(a.id + "/" + s) && !graded.contains(a.id + "/" + s)).count();
                        if (waits > 0) {
                            waiting.add(new ClassDashboard.Waiting(a.id, a.title, waits));
                        }
                        if (a.dueAt != null && !a.dueAt.isAfter(now) && !students.isEmpty()) {
                            int done = 0;
                            for (UUID s : students) {
                                boolean in = handedIn.contains(a.id + "/" + s) || graded.contains(a.id + "/" + s);
                                if (in) {
                                    done++;
                                } else {
                                    missing.merge(s, 1, Integer::sum);
                                }
                            }
                            rates.add(new ClassDashboard.HandInRate(a.id, a.title, a.dueAt, done, students.size(),
                                    BigDecimal.valueOf(done * 100L).divide(BigDecimal.valueOf(students.size()), 1, RoundingMode.HALF_UP)));
                        }
                    }
                    List<AnalyticsGrade> current = grades.stream().filter(g -> students.contains(g.studentId)).toList();
                    int[] buckets = new int[10];
                    for (AnalyticsGrade g : current) {
                        BigDecimal pct = AnalyticsFigures.recordedPercent(g);
                        if (pct != null) {
                            buckets[Math.max(0, Math.min(9, pct.intValue() / 10))]++;
                        }
                    }
                    List<String> labels = new ArrayList<>();
                    List<BigDecimal> counts = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        labels.add(i * 10 + "-" + (i == 9 ? 100 : i * 10 + 9));
                        counts.add(BigDecimal.valueOf(buckets[i]));
                    }
                    Map<UUID, List<AnalyticsGrade>> gradesBy = current.stream().collect(Collectors.groupingBy(g -> g.studentId));
                    Map<UUID, BigDecimal> presentBy = new HashMap<>();
                    for (Object[] m : marks) {
                        presentBy.put((UUID) m[0], AnalyticsFigures.attendance(((Number) m[1]).longValue(), ((Number) m[2]).longValue()));
                    }
                    List<ClassDashboard.AtRisk> atRisk = new ArrayList<>();
                    for (UUID s : students.stream().sorted().toList()) {
                        BigDecimal average = AnalyticsFigures.recordedAverage(gradesBy.getOrDefault(s, List.of()));
                        BigDecimal present = presentBy.get(s);
                        int missed = missing.getOrDefault(s, 0);
                        List<String> reasons = new ArrayList<>();
                        if (average != null && average.compareTo(AT_RISK_GRADE_PERCENT) < 0) {
                            reasons.add("GRADE_AVERAGE");
                        }
                        if (present != null && present.compareTo(AT_RISK_ATTENDANCE_PERCENT) < 0) {
                            reasons.add("ATTENDANCE");
                        }
                        if (missed >= AT_RISK_MISSING_WORK) {
                            reasons.add("MISSING_WORK");
                        }
                        if (!reasons.isEmpty()) {
                            atRisk.add(new ClassDashboard.AtRisk(s, average, present, missed, reasons));
                        }
                    }
                    return new ClassDashboard(classId, asOf, students.size(), waiting, rates, new Series(labels, counts), atRisk);
                }))))));
    }

    /** A class's hand-ins as {assignmentId, studentId}: two columns, not 750 entities, for the teacher dashboard. */
    private static final String HAND_INS_OF_CLASS =
            "select h.assignmentId, h.studentId from AnalyticsHandIn h where h.tenantId = ?1 and h.classId = ?2";
    /** A class's register marks counted per student in the database as {studentId, present, marks}. */
    private static final String ATTENDANCE_OF_CLASS = "select a.studentId, sum(case when a.absence then 0 else 1 end), count(a)"
            + " from AnalyticsAttendance a where a.tenantId = ?1 and a.classId = ?2 group by a.studentId";

    private static Uni<List<Object[]>> classRows(String hql, UUID tenant, UUID classId) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(hql, Object[].class)
                .setParameter(1, tenant).setParameter(2, classId).getResultList());
    }

    /** Entities loaded read-only (no snapshots for dirty checking: the dashboards never write). */
    private static <T> Uni<List<T>> readOnly(Class<T> type, String hql, UUID tenant, UUID classId) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(hql, type).setReadOnly(true)
                .setParameter(1, tenant).setParameter(2, classId).getResultList());
    }

    private Uni<Map<UUID, BigDecimal>> values(UUID tenant, List<UUID> classIds, String metric) {
        if (classIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return switch (metric) {
            case "grade-average" -> AnalyticsGrade.<AnalyticsGrade>list("tenantId = ?1 and classId in ?2 and released = true", tenant, classIds)
                    .map(grades -> AnalyticsFigures.perStudent(grades, g -> g.studentId, AnalyticsFigures::average));
            case "attendance" -> AnalyticsAttendance.<AnalyticsAttendance>list("tenantId = ?1 and classId in ?2", tenant, classIds)
                    .map(marks -> AnalyticsFigures.perStudent(marks, m -> m.studentId, AnalyticsFigures::attendance));
            case "behavior" -> AnalyticsBehavior.<AnalyticsBehavior>list("tenantId = ?1 and classId in ?2 and visibleToStudent = true",
                    tenant, classIds).map(notes -> AnalyticsFigures.perStudent(notes, n -> n.studentId,
                    list -> BigDecimal.valueOf(list.stream().mapToInt(n -> n.points).sum())));
            case "lab-score" -> AnalyticsLabAttempt.<AnalyticsLabAttempt>list("tenantId = ?1 and classId in ?2", tenant, classIds)
                    .map(attempts -> AnalyticsFigures.perStudent(attempts, a -> a.studentId, list -> AnalyticsFigures.bestScores(list).stream()
                            .map(TaskScore::bestScore).reduce(BigDecimal.ZERO, BigDecimal::add)));
            default -> throw new IllegalArgumentException(metric);
        };
    }

    /** The students with a value, best first (equal values by student id), ranked "1224". */
    private static List<Leaderboard.Entry> ranking(Set<UUID> students, Map<UUID, BigDecimal> values) {
        List<Map.Entry<UUID, BigDecimal>> scored = values.entrySet().stream()
                .filter(e -> students.contains(e.getKey()) && e.getValue() != null)
                .sorted(Map.Entry.<UUID, BigDecimal>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .toList();
        return AnalyticsFigures.rank(scored);
    }

    /**
     * The leaderboard of one grade level in one term: the ACTIVE students of every class of that grade level and term,
     * each valued over their rows in those classes (a student who moved between two of them keeps both classes'
     * figures). Teachers and administrators of the school see it; a student only when enrolled (now or before) in one
     * of those classes, and then the top N and their own entry.
     *
     * @throws ForbiddenException for a student with no enrollment in the grade level's classes
     * @throws KelasException     403 LEADERBOARD_HIDDEN for a student when the school hides leaderboards
     */
    @WithSession
    public Uni<GradeLevelLeaderboard> gradeLevelLeaderboard(Caller caller, UUID termId, int gradeLevel, String metric, int top) {
        UUID tenant = caller.tenantId();
        boolean studentOnly = caller.hasRole(Role.STUDENT) && !caller.hasRole(Role.TEACHER) && !caller.hasRole(Role.ADMIN);
        return AnalyticsClass.<AnalyticsClass>list("tenantId = ?1 and termId = ?2 and gradeLevel = ?3", tenant, termId, (short) gradeLevel)
                .chain(classes -> {
                    List<UUID> ids = classes.stream().map(c -> c.id).sorted().toList();
                    Uni<List<AnalyticsEnrollment>> enrollments = ids.isEmpty() ? Uni.createFrom().item(List.of())
                            : AnalyticsEnrollment.list("tenantId = ?1 and classId in ?2", tenant, ids);
                    return enrollments.chain(all -> {
                        if (studentOnly && all.stream().noneMatch(e -> e.studentId.equals(caller.userId()))) {
                            throw new ForbiddenException("Only students of this grade level's classes, teachers and administrators may see this leaderboard");
                        }
                        Set<UUID> students = all.stream().filter(e -> "ACTIVE".equals(e.status)).map(e -> e.studentId)
                                .collect(Collectors.toSet());
                        return requireVisible(tenant, studentOnly).chain(() -> values(tenant, ids, metric)).chain(values -> asOf(tenant).map(asOf -> {
                            List<Leaderboard.Entry> ranked = ranking(students, values);
                            Leaderboard.Entry me = ranked.stream().filter(e -> e.studentId().equals(caller.userId())).findFirst().orElse(null);
                            return new GradeLevelLeaderboard(termId, gradeLevel, metric, asOf, ids, ranked.size(),
                                    ranked.stream().limit(top).toList(), me);
                        }));
                    });
                });
    }

    /** Refuses a student when the school hides leaderboards from students. */
    private Uni<Void> requireVisible(UUID tenant, boolean studentOnly) {
        if (!studentOnly) {
            return Uni.createFrom().voidItem();
        }
        return settings.settings(tenant).invoke(s -> {
            if (!s.studentLeaderboards()) {
                throw new KelasException(403, ErrorCode.LEADERBOARD_HIDDEN, "This school does not show leaderboards to students",
                        List.of());
            }
        }).replaceWithVoid();
    }

    private static Uni<Instant> asOf(UUID tenant) {
        return AnalyticsWatermark.<AnalyticsWatermark>findById(tenant).map(w -> w == null ? null : w.asOf);
    }

}
