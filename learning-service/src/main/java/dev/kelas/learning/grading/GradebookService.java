package dev.kelas.learning.grading;

import dev.kelas.learning.academic.SubjectService;
import dev.kelas.learning.common.ClassAccess;
import dev.kelas.learning.common.Rows;
import dev.kelas.learning.enrollment.EnrollmentStatus;

import dev.kelas.contracts.Role;
import dev.kelas.learning.assignment.Assignment;
import dev.kelas.learning.enrollment.Enrollment;
import dev.kelas.learning.academic.GradeComponent;
import dev.kelas.learning.member.Member;
import dev.kelas.learning.enrollment.SchoolClass;
import dev.kelas.learning.academic.Subject;
import dev.kelas.learning.assignment.SubmittedWork;
import dev.kelas.learning.academic.Term;
import dev.kelas.learning.grading.GradebookData.Cell;
import dev.kelas.learning.grading.GradebookData.Membership;
import dev.kelas.learning.grading.GradebookData.SubjectGrade;
import dev.kelas.learning.grading.GradebookData.SubjectInfo;
import dev.kelas.runtime.problem.ConflictException;
import dev.kelas.runtime.problem.ForbiddenException;
import dev.kelas.runtime.problem.KelasException.FieldError;
import dev.kelas.runtime.problem.NotFoundException;
import dev.kelas.runtime.problem.ValidationException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.FlushMode;

/**
 * The gradebook: each class's configuration per subject and its finalization, the class gradebook,
 * the class grade report, a student's grades and report card. Every final grade comes from
 * {@link FinalGrade#compute} through {@link GradebookData}.
 */
@ApplicationScoped
public class GradebookService {
    private final ClassAccess access;
    private final GradeEvents gradeEvents;

    public GradebookService(ClassAccess access, GradeEvents gradeEvents) {
        this.access = access;
        this.gradeEvents = gradeEvents;
    }

    /**
     * A component's rule as configured.
     *
     * @param weight percent of the final grade under WEIGHTED, 0 to 100
     */
    public record ComponentSetting(UUID componentId, BigDecimal weight, int dropLowest) {
    }

    /** A class's grading configuration in a subject. */
    public record GradingConfig(GradeConfig config, Subject subject, List<GradeConfigComponent> components,
                                Map<UUID, String> componentNames) {
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

    /** Statistics of a class's final grades in a subject (over its active students with a final grade). */
    public record SubjectStats(SubjectInfo subject, int students, int graded, BigDecimal mean, BigDecimal median,
                               BigDecimal min, BigDecimal max) {
    }

    /** How an assignment went for the class's active students; {@code meanPercent} over the graded ones. */
    public record AssignmentStats(Assignment assignment, int graded, int excused, int missing, int pending,
                                  BigDecimal meanPercent) {
    }

    /** The class grade report. */
    public record GradeReport(SchoolClass schoolClass, List<SubjectStats> subjects, List<AssignmentStats> assignments) {
    }

    /** A student's grade on one assignment as the reader may see it. */
    public record StudentGrade(Cell cell, List<GradeRubricScore> rubric) {
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
        return classGradebook(caller, classId).map(GradebookService::report);
    }

    /**
     * Sets how a class's grade in a subject is computed. WEIGHTED weights must sum to 100; every
     * component must be the subject's and appear once.
     *
     * @throws ValidationException listing every bad component entry or the weight sum
     * @throws ConflictException   if the configuration is finalized
     */
    @WithTransaction
    public Uni<GradingConfig> configureGrading(Caller caller, UUID classId, UUID subjectId, GradingMethod method,
                                               List<ComponentSetting> settings) {
        UUID tenantId = caller.tenantId();
        return access.managedClass(caller, classId)
                .chain(c -> SubjectService.subject(caller, subjectId))
                .chain(subject -> GradeComponent.listForSubject(subjectId).chain(components -> {
                    validate(method, settings, components.stream().map(c -> c.id).collect(Collectors.toSet()));
                    return GradeConfig.of(classId, subjectId).chain(existing -> {
                        if (existing != null && existing.finalized()) {
                            throw new ConflictException("The grading of this class in this subject is finalized");
                        }
                        GradeConfig config = existing != null ? existing : new GradeConfig();
                        if (existing == null) {
                            config.id = UUID.randomUUID();
                            config.tenantId = tenantId;
                            config.classId = classId;
                            config.subjectId = subjectId;
                        }
                        config.method = method;
                        config.updatedAt = Instant.now();
                        List<GradeConfigComponent> rows = settings.stream().map(setting -> {
                            GradeConfigComponent row = new GradeConfigComponent();
                            row.id = UUID.randomUUID();
                            row.configId = config.id;
                            row.componentId = setting.componentId();
                            row.weight = setting.weight() == null ? BigDecimal.ZERO : setting.weight();
                            row.dropLowest = setting.dropLowest();
                            return row;
                        }).toList();
                        Uni<GradeConfig> saved = existing != null ? Uni.createFrom().item(config) : config.persist();
                        return saved.chain(() -> GradeConfigComponent.deleteForConfig(config.id))
                                .chain(() -> Rows.persistAll(rows))
                                .replaceWith(new GradingConfig(config, subject, rows, names(components)));
                    });
                }));
    }

    /**
     * A class's grading configuration in a subject.
     *
     * @throws NotFoundException if the class or subject is not in the school, or nothing is configured
     */
    @WithSession
    public Uni<GradingConfig> gradingConfig(Caller caller, UUID classId, UUID subjectId) {
        return access.managedClass(caller, classId)
                .chain(c -> SubjectService.subject(caller, subjectId))
                .chain(subject -> GradeConfig.of(classId, subjectId).chain(config -> {
                    if (config == null) {
                        throw new NotFoundException("grading configuration of subject", subjectId);
                    }
                    return GradeConfigComponent.listForConfigs(List.of(config.id)).chain(rows -> GradeComponent
                            .listForSubject(subjectId).map(components -> new GradingConfig(config, subject, rows, names(components))));
                }));
    }

    /**
     * Finalizes a class's grading in a subject: the configuration and the grades of the class's assignments in
     * the subject are locked from now on, missing work counts as 0, and every such assignment's grades are
     * released to the students. Finalizing again changes nothing.
     *
     * @throws ConflictException if the subject has no grading configuration yet
     */
    @WithTransaction
    public Uni<GradingConfig> finalizeGrading(Caller caller, UUID classId, UUID subjectId) {
        return access.managedClass(caller, classId)
                .chain(c -> GradeConfig.of(classId, subjectId))
                .chain(config -> {
                    if (config == null) {
                        throw new ConflictException("Configure the grading of this subject before finalizing it");
                    }
                    if (config.finalized()) {
                        return Uni.createFrom().voidItem();
                    }
                    Instant now = Instant.now();
                    config.finalizedAt = now;
                    config.finalizedBy = caller.userId();
                    return Assignment.listPublishedForSubject(classId, subjectId).chain(list -> {
                        Uni<Void> all = Uni.createFrom().voidItem();
                        for (Assignment assignment : list) {
                            all = all.chain(() -> gradeEvents.release(assignment, now));
                        }
                        return all;
                    });
                })
                .chain(() -> Panache.getSession().chain(session -> session.flush()))
                .chain(() -> gradingConfig(caller, classId, subjectId));
    }

    /**
     * A student's grades in a class, or in every class they were ever in when {@code classId} is null. A
     * student reading their own sees released grades only; the classes' teachers and administrators see all.
     *
     * @throws NotFoundException  if the student or class is not in the school
     * @throws ForbiddenException if the caller is another student, or a teacher of none of these classes
     */
    @WithSession
    public Uni<List<StudentGrade>> studentGrades(Caller caller, UUID studentId, UUID classId) {
        UUID tenantId = caller.tenantId();
        return readOnly().chain(() -> student(tenantId, studentId)).chain(student -> Enrollment.listForStudent(tenantId, studentId))
                .map(enrollments -> enrollments.stream().map(e -> e.classId)
                        .filter(id -> classId == null || id.equals(classId)).collect(Collectors.toCollection(LinkedHashSet::new)))
                .chain(classIds -> SchoolClass.listInTenant(tenantId, classIds))
                .chain(classes -> {
                    if (classId != null && classes.isEmpty()) {
                        throw new NotFoundException("class of the student", classId);
                    }
                    return readableClasses(caller, studentId, classes);
                })
                .chain(readable -> load(tenantId, readable.keySet(), studentId).chain(data -> {
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
        return readOnly().chain(() -> student(tenantId, studentId)).chain(student -> term.chain(found -> {
            if (found == null) {
                throw new NotFoundException("term", termId == null ? "(active)" : termId);
            }
            return Enrollment.listForStudent(tenantId, studentId)
                    .chain(enrollments -> SchoolClass.listInTenant(tenantId,
                            enrollments.stream().map(e -> e.classId).collect(Collectors.toSet())))
                    .map(classes -> classes.stream().filter(c -> found.id.equals(c.termId)).toList())
                    .chain(classes -> readableClasses(caller, studentId, classes))
                    .chain(readable -> load(tenantId, readable.keySet(), studentId).map(data -> {
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

    private static GradeReport report(ClassGradebook gradebook) {
        List<ClassGradebook.Row> active = gradebook.rows().stream()
                .filter(r -> r.membership().status() == dev.kelas.learning.enrollment.EnrollmentStatus.ACTIVE).toList();
        List<SubjectStats> subjects = new ArrayList<>();
        for (int i = 0; i < gradebook.subjects().size(); i++) {
            int index = i;
            List<BigDecimal> finals = active.stream().map(r -> r.subjectGrades().get(index).result().finalPercent())
                    .filter(Objects::nonNull).sorted().toList();
            subjects.add(new SubjectStats(gradebook.subjects().get(i), active.size(), finals.size(), mean(finals),
                    median(finals), finals.isEmpty() ? null : finals.get(0), finals.isEmpty() ? null : finals.get(finals.size() - 1)));
        }
        List<AssignmentStats> assignments = new ArrayList<>();
        for (int i = 0; i < gradebook.assignments().size(); i++) {
            int index = i;
            List<Cell> cells = active.stream().map(r -> r.cells().get(index)).toList();
            List<BigDecimal> percents = cells.stream().filter(c -> c.status() == FinalGrade.Status.GRADED)
                    .map(c -> c.grade().score.multiply(BigDecimal.valueOf(100)).divide(c.assignment().points, 10, RoundingMode.HALF_UP))
                    .toList();
            assignments.add(new AssignmentStats(gradebook.assignments().get(i), percents.size(),
                    count(cells, FinalGrade.Status.EXCUSED), count(cells, FinalGrade.Status.MISSING),
                    count(cells, FinalGrade.Status.PENDING), mean(percents)));
        }
        return new GradeReport(gradebook.schoolClass(), subjects, assignments);
    }

    /**
     * Makes the current session read-only without auto-flush: the gradebook loads thousands of rows, and
     * dirty-checking them before every later query would cost more than the queries.
     */
    private static Uni<Void> readOnly() {
        return Panache.getSession().invoke(session -> {
            session.setDefaultReadOnly(true);
            session.setFlushMode(FlushMode.MANUAL);
        }).replaceWithVoid();
    }

    /** Loads the gradebook data of these classes, of one student only when {@code studentId} is set. */
    private static Uni<GradebookData> load(UUID tenantId, Collection<SchoolClass> classes, UUID studentId) {
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

    /**
     * The classes whose grades of this student the caller may read, each with whether hidden grades are
     * included: the student themself (released only), administrators and the classes' teachers (all).
     */
    private Uni<Map<SchoolClass, Boolean>> readableClasses(Caller caller, UUID studentId, List<SchoolClass> classes) {
        Map<SchoolClass, Boolean> readable = new java.util.LinkedHashMap<>();
        boolean self = caller.userId().equals(studentId);
        if (caller.hasRole(Role.ADMIN)) {
            classes.forEach(c -> readable.put(c, true));
            return Uni.createFrom().item(readable);
        }
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
                throw new ForbiddenException("Only the student, their teachers and administrators may see these grades");
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

    private static void validate(GradingMethod method, List<ComponentSetting> settings, Set<UUID> subjectComponents) {
        List<FieldError> errors = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < settings.size(); i++) {
            ComponentSetting setting = settings.get(i);
            if (!subjectComponents.contains(setting.componentId())) {
                errors.add(new FieldError("components[" + i + "].componentId", "is not a component of this subject"));
            } else if (!seen.add(setting.componentId())) {
                errors.add(new FieldError("components[" + i + "].componentId", "appears more than once"));
            }
            if (method == GradingMethod.WEIGHTED && setting.weight() == null) {
                errors.add(new FieldError("components[" + i + "].weight", "is required for WEIGHTED grading"));
            }
            if (setting.weight() != null) {
                sum = sum.add(setting.weight());
            }
        }
        if (method == GradingMethod.WEIGHTED && sum.compareTo(BigDecimal.valueOf(100)) != 0) {
            errors.add(new FieldError("components", "the weights sum to " + sum.stripTrailingZeros().toPlainString()
                    + ", not 100"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("The grading configuration is not valid", errors);
        }
    }

    private static Map<UUID, String> names(List<GradeComponent> components) {
        return components.stream().collect(Collectors.toMap(c -> c.id, c -> c.name));
    }

    private static int count(List<Cell> cells, FinalGrade.Status status) {
        return (int) cells.stream().filter(c -> c.status() == status).count();
    }

    private static BigDecimal mean(List<BigDecimal> values) {
        return values.isEmpty() ? null : values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal median(List<BigDecimal> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int middle = sorted.size() / 2;
        BigDecimal value = sorted.size() % 2 == 1 ? sorted.get(middle)
                : sorted.get(middle - 1).add(sorted.get(middle)).divide(BigDecimal.valueOf(2), 10, RoundingMode.HALF_UP);
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
