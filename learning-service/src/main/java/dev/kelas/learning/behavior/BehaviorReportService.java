package dev.kelas.learning.behavior;

import dev.kelas.contracts.Role;
import dev.kelas.learning.enrollment.Enrollment;
import dev.kelas.learning.academic.Term;
import dev.kelas.learning.common.ClassAccess;
import dev.kelas.learning.common.Guardianship;
import dev.kelas.runtime.problem.ForbiddenException;
import dev.kelas.runtime.problem.NotFoundException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Behaviour summaries: a student's notes with their points total, counts per category and totals per
 * term, and a class's points per student. A student (and their linked parents) sees only their own
 * notes that are visible to them; the teachers of a student's classes and administrators see all of them.
 */
@ApplicationScoped
public class BehaviorReportService {
    private final ClassAccess access;

    public BehaviorReportService(ClassAccess access) {
        this.access = access;
    }

    /** A student's behaviour record: the notes (newest first) and their sums. */
    public record StudentBehavior(UUID studentId, int totalPoints, int positiveNotes, int negativeNotes,
                                  Map<String, Integer> countsByCategory, List<TermTotal> terms, List<BehaviorNote> notes) {
    }

    /** Points and note count of one term. */
    public record TermTotal(UUID termId, String name, int points, int notes) {
    }

    /** One student's sums in a class. */
    public record StudentTotal(UUID studentId, int points, int positiveNotes, int negativeNotes) {
    }

    /**
     * A student's behaviour record in {@code [from, to]}.
     *
     * The student and their linked parents see the notes visible to the student; the student's teachers and
     * administrators see all.
     *
     * @throws ForbiddenException when the caller is another student or parent, or a teacher of none of the student's classes
     */
    @WithSession
    public Uni<StudentBehavior> student(Caller caller, UUID studentId, LocalDate from, LocalDate to) {
        UUID tenantId = caller.tenantId();
        return Guardianship.readsAs(caller, studentId).chain(self -> {
            Uni<Boolean> staff = self && !caller.hasRole(Role.ADMIN) && !caller.hasRole(Role.TEACHER)
                    ? Uni.createFrom().item(false) : teachesStudent(caller, studentId);
            return staff.chain(isStaff -> {
                if (!isStaff && !self) {
                    throw new ForbiddenException("Only the student, their parents, their teachers or an administrator may read this");
                }
                return BehaviorNote.listForStudent(tenantId, studentId, from, to, isStaff);
            });
        }).chain(notes -> Term.listForTenant(tenantId).map(terms -> summarize(studentId, notes, terms)));
    }

    /**
     * Each enrolled student's sums in a class within {@code [from, to]}.
     *
     * @throws NotFoundException  for a class of another school
     * @throws ForbiddenException when the caller does not teach the class
     */
    @WithSession
    public Uni<List<StudentTotal>> classSummary(Caller caller, UUID classId, LocalDate from, LocalDate to) {
        return access.managedClass(caller, classId)
                .chain(schoolClass -> Enrollment.listForClass(classId))
                .chain(enrollments -> BehaviorNote.listForClass(classId, from, to).map(notes -> {
                    Map<UUID, int[]> sums = new LinkedHashMap<>();
                    enrollments.forEach(e -> sums.putIfAbsent(e.studentId, new int[3]));
                    for (BehaviorNote note : notes) {
                        int[] sum = sums.computeIfAbsent(note.studentId, id -> new int[3]);
                        sum[0] += note.points;
                        sum[note.kind == BehaviorKind.POSITIVE ? 1 : 2]++;
                    }
                    List<StudentTotal> totals = new ArrayList<>();
                    sums.forEach((student, sum) -> totals.add(new StudentTotal(student, sum[0], sum[1], sum[2])));
                    return totals;
                }));
    }

    private Uni<Boolean> teachesStudent(Caller caller, UUID studentId) {
        if (caller.hasRole(Role.ADMIN)) {
            return Uni.createFrom().item(true);
        }
        if (!caller.hasRole(Role.TEACHER)) {
            return Uni.createFrom().item(false);
        }
        return Enrollment.listForStudent(caller.tenantId(), studentId)
                .chain(enrollments -> Multi.createFrom().iterable(enrollments.stream().map(e -> e.classId).distinct().toList())
                        .onItem().transformToUniAndConcatenate(classId -> access.manages(caller, classId))
                        .collect().asList()
                        .map(answers -> answers.contains(true)));
    }

    private static StudentBehavior summarize(UUID studentId, List<BehaviorNote> notes, List<Term> terms) {
        int total = 0;
        int positive = 0;
        int negative = 0;
        Map<String, Integer> byCategory = new TreeMap<>();
        Map<Term, int[]> byTerm = new LinkedHashMap<>();
        for (BehaviorNote note : notes) {
            total += note.points;
            if (note.kind == BehaviorKind.POSITIVE) {
                positive++;
            } else {
                negative++;
            }
            byCategory.merge(note.category, 1, Integer::sum);
            for (Term term : terms) {
                if (!note.occurredOn.isBefore(term.startsOn) && !note.occurredOn.isAfter(term.endsOn)) {
                    int[] sum = byTerm.computeIfAbsent(term, t -> new int[2]);
                    sum[0] += note.points;
                    sum[1]++;
                    break;
                }
            }
        }
        List<TermTotal> termTotals = new ArrayList<>();
        byTerm.forEach((term, sum) -> termTotals.add(new TermTotal(term.id, term.name, sum[0], sum[1])));
        return new StudentBehavior(studentId, total, positive, negative, byCategory, termTotals, notes);
    }
}
