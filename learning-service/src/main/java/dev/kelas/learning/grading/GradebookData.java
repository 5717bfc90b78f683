package dev.kelas.learning.grading;

import dev.kelas.learning.assignment.Assignment;
import dev.kelas.learning.enrollment.Enrollment;
import dev.kelas.learning.enrollment.EnrollmentStatus;
import dev.kelas.learning.academic.GradeComponent;
import dev.kelas.learning.member.Member;
import dev.kelas.learning.enrollment.SchoolClass;
import dev.kelas.learning.academic.Subject;
import dev.kelas.learning.assignment.SubmittedWork;
import dev.kelas.learning.grading.FinalGrade.Item;
import dev.kelas.learning.grading.FinalGrade.Status;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything the gradebook of some classes needs, loaded once, and the rules that turn it into what a
 * reader may see: which assignments count for a student and how (see {@link #status}), and each subject's
 * final grade through {@link FinalGrade#compute}. Holds no connection; computing is pure.
 */
public final class GradebookData {
    private final Map<UUID, SchoolClass> classes;
    private final Map<UUID, List<Assignment>> assignmentsByClass;
    private final Map<UUID, List<Enrollment>> enrollmentsByClass;
    private final Map<UUID, Member> members;
    private final Map<Pair, Grade> grades;
    private final Set<SubmittedWork> submitted;
    private final Map<Pair, GradeConfig> configs;
    private final Map<UUID, List<GradeConfigComponent>> configComponents;
    private final Map<UUID, GradeComponent> components;
    private final Map<UUID, Subject> subjects;

    /** The loaded rows; published assignments only. */
    public GradebookData(List<SchoolClass> classes, List<Assignment> assignments, List<Enrollment> enrollments,
                         List<Member> members, List<Grade> grades, List<SubmittedWork> submitted, List<GradeConfig> configs,
                         List<GradeConfigComponent> configComponents, List<GradeComponent> components, List<Subject> subjects) {
        this.classes = classes.stream().collect(Collectors.toMap(c -> c.id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        this.assignmentsByClass = assignments.stream().filter(Assignment::published)
                .sorted(Comparator.comparing((Assignment a) -> a.dueAt).thenComparing(a -> a.createdAt))
                .collect(Collectors.groupingBy(a -> a.classId, LinkedHashMap::new, Collectors.toList()));
        this.enrollmentsByClass = enrollments.stream().sorted(Comparator.comparing((Enrollment e) -> e.createdAt))
                .collect(Collectors.groupingBy(e -> e.classId, LinkedHashMap::new, Collectors.toList()));
        this.members = members.stream().collect(Collectors.toMap(m -> m.userId, Function.identity(), (a, b) -> a));
        this.grades = grades.stream().collect(Collectors.toMap(g -> key(g.assignmentId, g.studentId), Function.identity(), (a, b) -> a));
        this.submitted = new HashSet<>(submitted);
        this.configs = configs.stream().collect(Collectors.toMap(c -> key(c.classId, c.subjectId), Function.identity(), (a, b) -> a));
        this.configComponents = configComponents.stream().collect(Collectors.groupingBy(c -> c.configId));
        this.components = components.stream().collect(Collectors.toMap(c -> c.id, Function.identity(), (a, b) -> a));
        this.subjects = subjects.stream().collect(Collectors.toMap(s -> s.id, Function.identity(), (a, b) -> a));
    }

    /**
     * A student's time in a class: from the first enrollment to the end of the latest (null while active).
     *
     * @param status the latest enrollment's status
     */
    public record Membership(UUID studentId, UUID enrollmentId, EnrollmentStatus status, Instant from, Instant until) {
        boolean covers(Instant moment) {
            return !moment.isBefore(from) && (until == null || !moment.isAfter(until));
        }
    }

    /** A component as configured for a class and subject. */
    public record ComponentInfo(UUID componentId, String name, BigDecimal weight, int dropLowest) {
    }

    /** A subject of a class: its method (AVERAGE without a configuration), components, and whether it is finalized. */
    public record SubjectInfo(Subject subject, GradingMethod method, boolean configured, Instant finalizedAt,
                              List<ComponentInfo> components) {
    }

    /** A student's grade in a subject of a class. */
    public record SubjectGrade(UUID subjectId, FinalGrade.Result result) {
    }

    /**
     * How one assignment stands for a student, as a reader sees it.
     *
     * @param grade  the grade, or null when there is none or the reader may not see it
     * @param status how {@link FinalGrade} counts it
     */
    public record Cell(Assignment assignment, Grade grade, Status status) {
    }

    /** The classes, in name order as loaded. */
    public List<SchoolClass> classes() {
        return List.copyOf(classes.values());
    }

    /** A class's published assignments in due order. */
    public List<Assignment> assignments(UUID classId) {
        return assignmentsByClass.getOrDefault(classId, List.of());
    }

    /** The member with this id, or null. */
    public Member member(UUID userId) {
        return members.get(userId);
    }

    /** The grade of a student on an assignment, or null. */
    public Grade grade(UUID assignmentId, UUID studentId) {
        return grades.get(key(assignmentId, studentId));
    }

    /** Everyone ever enrolled in the class, one entry per student, in order of first enrollment. */
    public List<Membership> memberships(UUID classId) {
        Map<UUID, List<Enrollment>> byStudent = enrollmentsByClass.getOrDefault(classId, List.of()).stream()
                .collect(Collectors.groupingBy(e -> e.studentId, LinkedHashMap::new, Collectors.toList()));
        return byStudent.values().stream().map(list -> {
            Enrollment first = list.get(0);
            Enrollment latest = list.get(list.size() - 1);
            return new Membership(first.studentId, latest.id, latest.status, first.createdAt,
                    latest.status == EnrollmentStatus.ACTIVE ? null : latest.endedAt);
        }).toList();
    }

    /** A student's membership of a class, or null if never enrolled. */
    public Membership membership(UUID classId, UUID studentId) {
        return memberships(classId).stream().filter(m -> m.studentId().equals(studentId)).findFirst().orElse(null);
    }

    /** The subjects of a class (those with a configuration or an assignment), by code. */
    public List<SubjectInfo> subjects(UUID classId) {
        Set<UUID> ids = new LinkedHashSet<>();
        assignments(classId).stream().map(a -> a.subjectId).filter(Objects::nonNull).forEach(ids::add);
        configs.values().stream().filter(c -> c.classId.equals(classId)).forEach(c -> ids.add(c.subjectId));
        return ids.stream().map(subjects::get).filter(Objects::nonNull)
                .sorted(Comparator.comparing((Subject s) -> s.code))
                .map(subject -> {
                    GradeConfig config = configs.get(key(classId, subject.id));
                    List<ComponentInfo> infos = config == null ? List.of() : configComponents.getOrDefault(config.id, List.of())
                            .stream()
                            .sorted(Comparator.comparing((GradeConfigComponent c) -> position(c.componentId)))
                            .map(c -> new ComponentInfo(c.componentId, name(c.componentId), c.weight, c.dropLowest))
                            .toList();
                    return new SubjectInfo(subject, config == null ? GradingMethod.AVERAGE : config.method, config != null,
                            config == null ? null : config.finalizedAt, infos);
                }).toList();
    }

    /** The name of a component, or null. */
    public String name(UUID componentId) {
        GradeComponent component = components.get(componentId);
        return component == null ? null : component.name;
    }

    /**
     * How an assignment counts for a student:
     * <ul>
     *   <li>a grade the reader may see (teachers always; students once released): EXCUSED or GRADED;</li>
     *   <li>a grade the reader may not see yet: PENDING;</li>
     *   <li>no grade, due outside the student's time in the class: PENDING;</li>
     *   <li>no grade, handed in: PENDING (waiting to be graded);</li>
     *   <li>no grade, not handed in, and past due or in a finalized gradebook: MISSING (counts as 0);</li>
     *   <li>otherwise PENDING.</li>
     * </ul>
     */
    public Cell cell(Assignment assignment, Membership membership, boolean seesUnreleased, Instant now) {
        Grade grade = grade(assignment.id, membership.studentId());
        if (grade != null) {
            if (!seesUnreleased && !assignment.released()) {
                return new Cell(assignment, null, Status.PENDING);
            }
            return new Cell(assignment, grade, grade.excused ? Status.EXCUSED : Status.GRADED);
        }
        if (!membership.covers(assignment.dueAt) || submitted.contains(new SubmittedWork(assignment.id, membership.studentId()))) {
            return new Cell(assignment, null, Status.PENDING);
        }
        GradeConfig config = assignment.subjectId == null ? null : configs.get(key(assignment.classId, assignment.subjectId));
        boolean closed = now.isAfter(assignment.dueAt) || (config != null && config.finalized());
        return new Cell(assignment, null, closed ? Status.MISSING : Status.PENDING);
    }

    /** A student's final grade in a subject of a class (subject null: the assignments without a subject, AVERAGE). */
    public SubjectGrade subjectGrade(UUID classId, UUID subjectId, Membership membership, boolean seesUnreleased, Instant now) {
        GradeConfig config = subjectId == null ? null : configs.get(key(classId, subjectId));
        GradingMethod method = config == null ? GradingMethod.AVERAGE : config.method;
        List<FinalGrade.ComponentRule> rules = config == null ? List.of() : configComponents.getOrDefault(config.id, List.of())
                .stream().map(c -> new FinalGrade.ComponentRule(c.componentId, c.weight, c.dropLowest)).toList();
        List<Item> items = new ArrayList<>();
        for (Assignment assignment : assignments(classId)) {
            if (!Objects.equals(assignment.subjectId, subjectId)) {
                continue;
            }
            Cell cell = cell(assignment, membership, seesUnreleased, now);
            items.add(cell.status() == Status.GRADED
                    ? Item.graded(assignment.id, assignment.componentId, assignment.points, cell.grade().rawScore,
                    cell.grade().latePenaltyPercent)
                    : Item.ungraded(assignment.id, assignment.componentId, assignment.points, cell.status()));
        }
        return new SubjectGrade(subjectId, FinalGrade.compute(method, rules, items));
    }

    private int position(UUID componentId) {
        GradeComponent component = components.get(componentId);
        return component == null ? Integer.MAX_VALUE : component.position;
    }

    private static Pair key(UUID a, UUID b) {
        return new Pair(a, b);
    }

    /** A map key of two ids. */
    private record Pair(UUID first, UUID second) {
    }
}
