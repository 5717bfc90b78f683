package dev.kelas.learning.attendance;

import dev.kelas.learning.academic.Term;
import dev.kelas.learning.attendance.AttendanceReportService.Tally;
import dev.kelas.learning.attendance.AttendanceTallies.Tallier;
import dev.kelas.learning.enrollment.Enrollment;
import dev.kelas.learning.enrollment.EnrollmentStatus;
import dev.kelas.learning.enrollment.SchoolClass;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The whole school's attendance over a term, for administrators: every class of the term with its percentage
 * and how many of its students are at or past the absence limit, and one row per actively enrolled student
 * (counts per status, absences by the lates rule, percentage), paginated. Marks count within the term's dates;
 * the percentage is the points earned over the best status's points times the sessions marked (as the class
 * summary's).
 */
@ApplicationScoped
public class SchoolAttendanceReportService {
    private final AttendanceTallies tallies;

    public SchoolAttendanceReportService(AttendanceTallies tallies) {
        this.tallies = tallies;
    }

    /** One class of the report. */
    public record ClassRow(UUID classId, String name, int students, long marked, BigDecimal percentage, int atOrPastLimit) {
    }

    /** One student in one class. */
    public record StudentRow(UUID studentId, String name, UUID classId, String className, Tally summary, boolean atOrPastLimit) {
    }

    /**
     * The report.
     *
     * @param students one page of the student rows, by class name, then student name
     * @param total    student rows in all
     */
    public record SchoolReport(UUID termId, String termName, LocalDate from, LocalDate to, int absenceLimit, int latesPerAbsence,
                               BigDecimal schoolPercentage, List<ClassRow> classes, List<StudentRow> students, int page, int size,
                               long total) {
    }

    /**
     * The report of a term.
     *
     * @param termId the term, or null for the active one
     * @throws NotFoundException when the school has no such term (or no active term when none is named)
     */
    @WithSession
    public Uni<SchoolReport> report(Caller caller, UUID termId, int page, int size) {
        UUID tenantId = caller.tenantId();
        Uni<Term> term = termId == null ? Term.active(tenantId) : Term.findInTenant(tenantId, termId);
        return term.chain(t -> {
            if (t == null) {
                throw new NotFoundException("term", termId == null ? "active" : termId);
            }
            return SchoolClass.listForTenant(tenantId, t.id).chain(classes -> {
                List<UUID> classIds = classes.stream().map(c -> c.id).toList();
                Uni<List<Enrollment>> enrolled = classIds.isEmpty() ? Uni.createFrom().item(List.of())
                        : Enrollment.list("classId in ?1 and status = ?2", classIds, EnrollmentStatus.ACTIVE);
                return enrolled.chain(enrollments -> AttendanceMark.tallyInTerm(tenantId, classIds, null)
                        .chain(rows -> tallies.tallier(tenantId).chain(tallier -> AttendanceTallies.names(tenantId,
                                        enrollments.stream().map(e -> e.studentId).distinct().toList())
                                .map(names -> build(t, classes, enrollments, rows, tallier, names, page, size)))));
            });
        });
    }

    private static SchoolReport build(Term term, List<SchoolClass> classes, List<Enrollment> enrollments,
                                      List<AttendanceMark.Tally> rows, Tallier tallier, Map<UUID, String> names, int page, int size) {
        Map<UUID, SchoolClass> classById = new HashMap<>();
        classes.forEach(c -> classById.put(c.id, c));
        // Marks per status: per class and student, per class, and for the school.
        Map<String, Map<String, Long>> perStudent = new HashMap<>();
        Map<UUID, Map<String, Long>> perClass = new HashMap<>();
        Map<String, Long> all = new HashMap<>();
        for (AttendanceMark.Tally row : rows) {
            perStudent.computeIfAbsent(row.classId() + ":" + row.studentId(), k -> new HashMap<>()).merge(row.status(), row.count(), Long::sum);
            perClass.computeIfAbsent(row.classId(), k -> new HashMap<>()).merge(row.status(), row.count(), Long::sum);
            all.merge(row.status(), row.count(), Long::sum);
        }
        int limit = tallier.setting().absenceLimit;
        List<StudentRow> students = new ArrayList<>();
        Map<UUID, int[]> classCounts = new HashMap<>();
        for (Enrollment e : enrollments) {
            SchoolClass c = classById.get(e.classId);
            Tally summary = tallier.tallyCounts(perStudent.getOrDefault(e.classId + ":" + e.studentId, Map.of()));
            boolean atLimit = summary.absences() >= limit;
            students.add(new StudentRow(e.studentId, names.get(e.studentId), e.classId, c.name, summary, atLimit));
            int[] counts = classCounts.computeIfAbsent(e.classId, k -> new int[2]);
            counts[0]++;
            counts[1] += atLimit ? 1 : 0;
        }
        students.sort(Comparator.comparing((StudentRow s) -> s.className() == null ? "" : s.className())
                .thenComparing(s -> s.name() == null ? "" : s.name()).thenComparing(StudentRow::studentId));
        List<ClassRow> classRows = classes.stream().sorted(Comparator.comparing((SchoolClass c) -> c.name == null ? "" : c.name))
                .map(c -> {
                    int[] counts = classCounts.getOrDefault(c.id, new int[2]);
                    Tally tally = tallier.tallyCounts(perClass.getOrDefault(c.id, Map.of()));
                    return new ClassRow(c.id, c.name, counts[0], tally.marked(), tally.percentage(), counts[1]);
                }).toList();
        int from = (int) Math.min((long) page * size, students.size());
        int to = Math.min(from + size, students.size());
        return new SchoolReport(term.id, term.name, term.startsOn, term.endsOn, limit, tallier.setting().latesPerAbsence,
                tallier.tallyCounts(all).percentage(), classRows, students.subList(from, to), page, size, students.size());
    }
}
