package dev.kelas.learning.grading;

import dev.kelas.learning.academic.GradeComponent;
import dev.kelas.learning.academic.Subject;
import dev.kelas.learning.assignment.Assignment;
import dev.kelas.learning.assignment.SubmittedWork;
import dev.kelas.learning.common.ClassAccess;
import dev.kelas.learning.enrollment.Enrollment;
import dev.kelas.learning.enrollment.SchoolClass;
import dev.kelas.learning.grading.GradeStatistics.GradeReport;
import dev.kelas.learning.grading.GradebookData.Cell;
import dev.kelas.learning.grading.GradebookData.SubjectGrade;
import dev.kelas.learning.grading.GradebookData.SubjectInfo;
import dev.kelas.learning.member.Member;
import dev.kelas.runtime.problem.ForbiddenException;
import dev.kelas.runtime.problem.NotFoundException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.FlushMode;

/**
 * The class gradebook and the class grade report. Every final grade comes from {@link FinalGrade#compute}
 * through {@link GradebookData}; a class's grading configuration is {@link GradingConfigService}'s, a
 * student's grades and report card {@link ReportCardService}'s.
 */
@ApplicationScoped
public class GradebookService {
    private final ClassAccess access;

    public GradebookService(ClassAccess access) {
        this.access = access;
    }

    /**
     * The gradebook of a class the caller manages (its teachers or an administrator): every published
     * assignment, every student ever enrolled, hidden grades included.
     *
     * @throws NotFoundException  if the class is not in the caller's school
     * @throws ForbiddenException if the caller is not one of its teachers or an administrator
     */
    @WithSession
    public Uni<ClassGradebook> classGradebook(Caller caller, UUID classId) {
        return readOnly().chain(() -> access.managedClass(caller, classId))
                .chain(schoolClass -> load(caller.tenantId(), List.of(schoolClass), null)
                        .map(data -> gradebook(data, schoolClass, Instant.now())));
    }

    /**
     * The class grade report: per subject, the mean, median, lowest and highest final grade of the active
     * students; per assignment, how many are graded, excused, missing and pending, and the mean percentage.
     */
    @WithSession
    public Uni<GradeReport> gradeReport(Caller caller, UUID classId) {
        return classGradebook(caller, classId).map(GradeStatistics::report);
    }

    /** The class gradebook from loaded data: hidden grades included (only its teachers and admins read it). */
    static ClassGradebook gradebook(GradebookData data, SchoolClass schoolClass, Instant now) {
        List<Assignment> assignments = data.assignments(schoolClass.id);
        List<SubjectInfo> subjects = data.subjects(schoolClass.id);
        boolean unsubjected = assignments.stream().anyMatch(a -> a.subjectId == null);
        BigDecimal totalMax = assignments.stream().map(a -> a.points).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<ClassGradebook.Row> rows = data.memberships(schoolClass.id).stream().map(membership -> {
            List<Cell> cells = assignments.stream().map(a -> data.cell(a, membership, true, now)).toList();
            BigDecimal total = cells.stream().filter(c -> c.status() == FinalGrade.Status.GRADED)
                    .map(c -> c.grade().score).reduce(BigDecimal.ZERO, BigDecimal::add);
            List<SubjectGrade> grades = new ArrayList<>();
            subjects.forEach(s -> grades.add(data.subjectGrade(schoolClass.id, s.subject().id, membership, true, now)));
            if (unsubjected) {
                grades.add(data.subjectGrade(schoolClass.id, null, membership, true, now));
            }
            return new ClassGradebook.Row(membership, data.member(membership.studentId()), cells, total, totalMax, grades);
        }).toList();
        return new ClassGradebook(schoolClass, assignments, subjects, rows);
    }

    /**
     * Makes the current session read-only without auto-flush: the gradebook loads thousands of rows, and
     * dirty-checking them before every later query would cost more than the queries.
     */
    static Uni<Void> readOnly() {
        return Panache.getSession().invoke(session -> {
            session.setDefaultReadOnly(true);
            session.setFlushMode(FlushMode.MANUAL);
        }).replaceWithVoid();
    }

    /** Loads the gradebook data of these classes, of one student only when {@code studentId} is set. */
    static Uni<GradebookData> load(UUID tenantId, Collection<SchoolClass> classes, UUID studentId) {
        List<UUID> classIds = classes.stream().map(c -> c.id).toList();
        return Assignment.listPublishedForClasses(classIds).chain(assignments -> {
            List<UUID> assignmentIds = assignments.stream().map(a -> a.id).toList();
            Uni<List<Enrollment>> enrollments = classIds.isEmpty() ? Uni.createFrom().item(List.of())
                    : studentId == null ? Enrollment.list("classId in ?1", classIds)
                    : Enrollment.list("classId in ?1 and studentId = ?2", classIds, studentId);
            Uni<List<Grade>> grades = studentId == null ? Grade.listForAssignments(assignmentIds)
                    : Grade.listForStudent(studentId, assignmentIds);
            return enrollments.chain(es -> Member.listInTenant(tenantId, es.stream().map(e -> e.studentId).collect(Collectors.toSet()))
                    .chain(members -> SubmittedWork.forAssignments(assignmentIds)
                            .chain(submitted -> GradeConfig.listForClasses(classIds).chain(configs -> {
                                Set<UUID> subjectIds = new HashSet<>();
                                assignments.stream().map(a -> a.subjectId).filter(Objects::nonNull).forEach(subjectIds::add);
                                configs.forEach(c -> subjectIds.add(c.subjectId));
                                return GradeConfigComponent.listForConfigs(configs.stream().map(c -> c.id).toList())
                                        .chain(configComponents -> GradeComponent.listForSubjects(subjectIds)
                                                .chain(components -> Subject.listInTenant(tenantId, subjectIds)
                                                        .chain(subjects -> grades.map(gs -> new GradebookData(List.copyOf(classes),
                                                                assignments, es, members, gs, submitted, configs, configComponents,
                                                                components, subjects)))));
                            }))));
        });
    }
}
