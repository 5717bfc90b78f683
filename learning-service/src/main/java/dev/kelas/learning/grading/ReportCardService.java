package dev.kelas.learning.grading;

import dev.kelas.contracts.Role;
import dev.kelas.learning.academic.Term;
import dev.kelas.learning.assignment.Assignment;
import dev.kelas.learning.common.ClassAccess;
import dev.kelas.learning.common.Guardianship;
import dev.kelas.learning.enrollment.Enrollment;
import dev.kelas.learning.enrollment.SchoolClass;
import dev.kelas.learning.grading.GradebookData.Cell;
import dev.kelas.learning.grading.GradebookData.Membership;
import dev.kelas.learning.grading.GradebookData.SubjectInfo;
import dev.kelas.learning.member.Member;
import dev.kelas.runtime.problem.ForbiddenException;
import dev.kelas.runtime.problem.NotFoundException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What a student's grades look like to a reader: their grades per assignment and their report card for a
 * term. The student and their linked parents see released grades only; administrators and the classes' teachers see all.
 */
@ApplicationScoped
public class ReportCardService {
    private final ClassAccess access;

    public ReportCardService(ClassAccess access) {
        this.access = access;
    }

    /** A student's report card for a term: one line per class and subject. */
    public record ReportCard(Member student, Term term, List<ReportLine> lines) {
    }

    /**
     * One line of a report card.
     *
     * @param finalGrade 0..100 with 2 decimals, or null when nothing counts yet
     */
    public record ReportLine(SchoolClass schoolClass, SubjectInfo subject, Membership membership,
                             Map<UUID, BigDecimal> componentPercents, BigDecimal finalGrade) {
    }

    /** A student's grade on one assignment as the reader may see it. */
    public record StudentGrade(Cell cell, List<GradeRubricScore> rubric) {
    }

    /**
     * A student's grades in a class, or in every class they were ever in when {@code classId} is null. A
     * student reading their own sees released grades only; the classes' teachers and administrators see all.
     *
     * @throws NotFoundException  if the student or class is not in the school
     * @throws ForbiddenException if the caller is another student or parent, or a teacher of none of these classes
     */
    @WithSession
    public Uni<List<StudentGrade>> studentGrades(Caller caller, UUID studentId, UUID classId) {
        UUID tenantId = caller.tenantId();
        return GradebookService.readOnly().chain(() -> student(tenantId, studentId)).chain(student -> Enrollment.listForStudent(tenantId, studentId))
                .map(enrollments -> enrollments.stream().map(e -> e.classId)
                        .filter(id -> classId == null || id.equals(classId)).collect(Collectors.toCollection(LinkedHashSet::new)))
                .chain(classIds -> SchoolClass.listInTenant(tenantId, classIds))
                .chain(classes -> {
                    if (classId != null && classes.isEmpty()) {
                        throw new NotFoundException("class of the student", classId);
                    }
                    return readableClasses(caller, studentId, classes);
                })
                .chain(readable -> GradebookService.load(tenantId, readable.keySet(), studentId).chain(data -> {
                    Instant now = Instant.now();
                    List<Cell> cells = new ArrayList<>();
                    for (SchoolClass schoolClass : data.classes()) {
                        Membership membership = data.membership(schoolClass.id, studentId);
                        boolean seesAll = readable.get(schoolClass);
                        for (Assignment assignment : data.assignments(schoolClass.id)) {
                            cells.add(data.cell(assignment, membership, seesAll, now));
                        }
                    }
                    List<UUID> gradeIds = cells.stream().filter(c -> c.grade() != null).map(c -> c.grade().id).toList();
                    return GradeRubricScore.listForGrades(gradeIds).map(scores -> cells.stream()
                            .map(cell -> new StudentGrade(cell, cell.grade() == null ? List.of()
                                    : scores.stream().filter(s -> s.gradeId.equals(cell.grade().id)).toList()))
                            .toList());
                }));
    }

    /**
     * A student's report card for a term (the active term when none is given): a final grade per class and
     * subject. The student sees it from released grades only; administrators and the teachers of the
     * student's classes see every grade.
     *
     * @throws NotFoundException  if the student or term is not in the school
     * @throws ForbiddenException if the caller is another student or a teacher of none of the student's classes
     */
    @WithSession
    public Uni<ReportCard> reportCard(Caller caller, UUID studentId, UUID termId) {
        UUID tenantId = caller.tenantId();
        Uni<Term> term = termId != null ? Term.findInTenant(tenantId, termId) : Term.active(tenantId);
        return GradebookService.readOnly().chain(() -> student(tenantId, studentId)).chain(student -> term.chain(found -> {
            if (found == null) {
                throw new NotFoundException("term", termId == null ? "(active)" : termId);
            }
            return Enrollment.listForStudent(tenantId, studentId)
                    .chain(enrollments -> SchoolClass.listInTenant(tenantId,
                            enrollments.stream().map(e -> e.classId).collect(Collectors.toSet())))
                    .map(classes -> classes.stream().filter(c -> found.id.equals(c.termId)).toList())
                    .chain(classes -> readableClasses(caller, studentId, classes))
                    .chain(readable -> GradebookService.load(tenantId, readable.keySet(), studentId).map(data -> {
                        Instant now = Instant.now();
                        List<ReportLine> lines = new ArrayList<>();
                        for (SchoolClass schoolClass : data.classes()) {
                            Membership membership = data.membership(schoolClass.id, studentId);
                            for (SubjectInfo subject : data.subjects(schoolClass.id)) {
                                FinalGrade.Result result = data.subjectGrade(schoolClass.id, subject.subject().id, membership,
                                        readable.get(schoolClass), now).result();
                                lines.add(new ReportLine(schoolClass, subject, membership, result.componentPercents(),
                                        result.finalPercent()));
                            }
                        }
                        return new ReportCard(student, found, lines);
                    }));
        }));
    }

    /**
     * The classes whose grades of this student the caller may read, each with whether hidden grades are
     * included: the student themself and their linked parents (released only), administrators and the classes'
     * teachers (all).
     */
    private Uni<Map<SchoolClass, Boolean>> readableClasses(Caller caller, UUID studentId, List<SchoolClass> classes) {
        if (caller.hasRole(Role.ADMIN)) {
            Map<SchoolClass, Boolean> readable = new java.util.LinkedHashMap<>();
            classes.forEach(c -> readable.put(c, true));
            return Uni.createFrom().item(readable);
        }
        return Guardianship.readsAs(caller, studentId).chain(self -> readableClasses(caller, studentId, classes, self));
    }

    private Uni<Map<SchoolClass, Boolean>> readableClasses(Caller caller, UUID studentId, List<SchoolClass> classes, boolean self) {
        Map<SchoolClass, Boolean> readable = new java.util.LinkedHashMap<>();
        Uni<Void> all = Uni.createFrom().voidItem();
        for (SchoolClass schoolClass : classes) {
            all = all.chain(() -> access.manages(caller, schoolClass).invoke(manages -> {
                if (manages) {
                    readable.put(schoolClass, true);
                } else if (self) {
                    readable.put(schoolClass, false);
                }
            }).replaceWithVoid());
        }
        return all.map(ignored -> {
            if (!self && readable.isEmpty()) {
                throw new ForbiddenException("Only the student, their parents, their teachers and administrators may see these grades");
            }
            return readable;
        });
    }

    private static Uni<Member> student(UUID tenantId, UUID studentId) {
        return Member.findInTenant(tenantId, studentId).map(member -> {
            if (member == null || member.role != Role.STUDENT) {
                throw new NotFoundException("student", studentId);
            }
            return member;
        });
    }
}
