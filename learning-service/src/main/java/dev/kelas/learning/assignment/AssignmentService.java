package dev.kelas.learning.assignment;

import dev.kelas.learning.common.ClassAccess;
import dev.kelas.learning.common.Rows;
import dev.kelas.learning.grading.GradeEvents;

import dev.kelas.contracts.events.AssignmentPublished;
import dev.kelas.learning.academic.GradeComponent;
import dev.kelas.learning.grading.GradeConfig;
import dev.kelas.learning.enrollment.SchoolClass;
import dev.kelas.learning.academic.Subject;
import dev.kelas.runtime.outbox.Outbox;
import dev.kelas.runtime.problem.ConflictException;
import dev.kelas.runtime.problem.KelasException.FieldError;
import dev.kelas.runtime.problem.NotFoundException;
import dev.kelas.runtime.problem.ValidationException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Assignments of a class: drafts, publication (announced as {@code kelas.learning.assignment.published}),
 * their hand-in rules and rubric, and the release of their grades to students.
 */
@ApplicationScoped
public class AssignmentService {
    private final ClassAccess access;
    private final Outbox outbox;
    private final GradeEvents gradeEvents;

    public AssignmentService(ClassAccess access, Outbox outbox, GradeEvents gradeEvents) {
        this.access = access;
        this.outbox = outbox;
        this.gradeEvents = gradeEvents;
    }

    /** A rubric level to create: a title and the points it gives. */
    public record LevelDraft(String title, BigDecimal points) {
    }

    /** A rubric criterion to create with its levels. */
    public record CriterionDraft(String title, String description, List<LevelDraft> levels) {
    }

    /**
     * A new assignment. Null optional fields take their defaults: PUBLISHED, late policy PENALTY at 0 % per
     * day without a cut-off (late work accepted and flagged), no attempt limit, BEST lab attempt, no rubric.
     */
    public record AssignmentDraft(String title, String description, AssignmentKind kind, BigDecimal points, Instant dueAt,
                                  AssignmentStatus status, UUID subjectId, UUID componentId, LatePolicy latePolicy,
                                  BigDecimal latePenaltyPercent, Instant lateCutoffAt, Integer maxAttempts,
                                  CodingScorePolicy codingScorePolicy, List<CriterionDraft> rubric) {
    }

    /** An assignment with its rubric. */
    public record AssignmentView(Assignment assignment, Rubric rubric) {
    }

    /**
     * Creates an assignment in a class the caller manages; a PUBLISHED one is announced at once. A CODING
     * assignment's grades are released from the start: lab-service shows students each score anyway.
     *
     * @throws ValidationException listing every invalid field (unknown subject or component, a cut-off
     *                             before the due time, a rubric whose best levels do not add up to the points)
     * @throws ConflictException   if the class's gradebook in the subject is finalized
     */
    @WithTransaction
    public Uni<AssignmentView> createAssignment(Caller caller, UUID classId, AssignmentDraft draft) {
        UUID tenantId = caller.tenantId();
        return access.managedClass(caller, classId)
                .call(() -> validate(tenantId, draft))
                .call(() -> requireUnlocked(classId, draft.subjectId()))
                .chain(schoolClass -> {
                    Instant now = Instant.now();
                    Assignment assignment = new Assignment();
                    assignment.id = UUID.randomUUID();
                    assignment.tenantId = tenantId;
                    assignment.classId = classId;
                    assignment.title = draft.title().strip();
                    assignment.description = draft.description();
                    assignment.kind = draft.kind();
                    assignment.points = draft.points();
                    assignment.dueAt = draft.dueAt();
                    assignment.status = AssignmentStatus.DRAFT;
                    assignment.subjectId = draft.subjectId();
                    assignment.componentId = draft.componentId();
                    assignment.latePolicy = draft.latePolicy() == null ? LatePolicy.PENALTY : draft.latePolicy();
                    assignment.latePenaltyPercent = draft.latePenaltyPercent() == null ? BigDecimal.ZERO : draft.latePenaltyPercent();
                    assignment.lateCutoffAt = draft.lateCutoffAt();
                    assignment.maxAttempts = draft.maxAttempts();
                    assignment.codingScorePolicy = draft.codingScorePolicy() == null ? CodingScorePolicy.BEST
                            : draft.codingScorePolicy();
                    assignment.createdBy = caller.userId();
                    assignment.createdAt = now;
                    List<RubricCriterion> criteria = new ArrayList<>();
                    List<RubricLevel> levels = new ArrayList<>();
                    List<Rubric.Criterion> rubric = new ArrayList<>();
                    List<CriterionDraft> drafts = draft.rubric() == null ? List.of() : draft.rubric();
                    for (int i = 0; i < drafts.size(); i++) {
                        RubricCriterion criterion = new RubricCriterion();
                        criterion.id = UUID.randomUUID();
                        criterion.assignmentId = assignment.id;
                        criterion.position = i + 1;
                        criterion.title = drafts.get(i).title().strip();
                        criterion.description = drafts.get(i).description();
                        criteria.add(criterion);
                        List<RubricLevel> ofCriterion = new ArrayList<>();
                        for (int j = 0; j < drafts.get(i).levels().size(); j++) {
                            LevelDraft levelDraft = drafts.get(i).levels().get(j);
                            RubricLevel level = new RubricLevel();
                            level.id = UUID.randomUUID();
                            level.criterionId = criterion.id;
                            level.position = j + 1;
                            level.title = levelDraft.title().strip();
                            level.points = levelDraft.points();
                            ofCriterion.add(level);
                        }
                        levels.addAll(ofCriterion);
                        rubric.add(new Rubric.Criterion(criterion, ofCriterion));
                    }
                    return assignment.persist()
                            .chain(() -> Rows.persistAll(criteria))
                            .chain(() -> Rows.persistAll(levels))
                            .chain(() -> draft.status() == AssignmentStatus.DRAFT ? Uni.createFrom().voidItem()
                                    : publish(schoolClass, assignment, now))
                            .replaceWith(new AssignmentView(assignment, new Rubric(rubric)));
                });
    }

    /**
     * Publishes a draft (a published assignment is returned as it is).
     *
     * @throws NotFoundException if the assignment is not in the caller's school
     */
    @WithTransaction
    public Uni<AssignmentView> publishAssignment(Caller caller, UUID assignmentId) {
        return managedAssignment(caller, assignmentId).chain(found -> {
            if (found.assignment().published()) {
                return Uni.createFrom().item(found);
            }
            return access.managedClass(caller, found.assignment().classId)
                    .call(() -> requireUnlocked(found.assignment().classId, found.assignment().subjectId))
                    .chain(schoolClass -> publish(schoolClass, found.assignment(), Instant.now()))
                    .replaceWith(found);
        });
    }

    /**
     * One assignment with its rubric: any of its class's for the teachers and administrators, a
     * published one of a class they are (or were) in for a student. A draft is not found by students.
     *
     * @throws NotFoundException if it is not in the caller's school or a student may not see it
     */
    @WithSession
    public Uni<AssignmentView> getAssignment(Caller caller, UUID assignmentId) {
        return readableAssignment(caller, assignmentId)
                .chain(assignment -> RubricCriterion.rubricOf(assignmentId).map(rubric -> new AssignmentView(assignment, rubric)));
    }

    /** A class's assignments in due order: drafts too for its teachers, published ones for its students. */
    @WithSession
    public Uni<List<Assignment>> listAssignments(Caller caller, UUID classId) {
        return access.readableClass(caller, classId).chain(schoolClass -> access.manages(caller, schoolClass))
                .chain(manages -> Assignment.listForClass(classId)
                        .map(list -> list.stream().filter(a -> manages || a.published()).toList()));
    }

    /**
     * Lets students see the assignment's grades from now on; each graded student is told through
     * {@code kelas.learning.grade.released}. Releasing again changes nothing.
     *
     * @throws ConflictException if the assignment is still a draft
     */
    @WithTransaction
    public Uni<Assignment> releaseGrades(Caller caller, UUID assignmentId) {
        return managedAssignment(caller, assignmentId).map(AssignmentView::assignment).call(assignment -> {
            if (!assignment.published()) {
                throw new ConflictException("A draft has no grades to release");
            }
            return gradeEvents.release(assignment, Instant.now());
        });
    }

    /**
     * Loads an assignment whose class the caller manages, with its rubric.
     *
     * @throws NotFoundException  if it is not in the caller's school
     * @throws dev.kelas.runtime.problem.ForbiddenException if the caller does not manage its class
     */
    public Uni<AssignmentView> managedAssignment(Caller caller, UUID assignmentId) {
        return Assignment.findInTenant(caller.tenantId(), assignmentId).chain(assignment -> {
            if (assignment == null) {
                throw new NotFoundException("assignment", assignmentId);
            }
            return access.managedClass(caller, assignment.classId)
                    .chain(c -> RubricCriterion.rubricOf(assignmentId))
                    .map(rubric -> new AssignmentView(assignment, rubric));
        });
    }

    /**
     * Loads an assignment the caller may read (see {@link #getAssignment}).
     *
     * @throws NotFoundException if it is not in the caller's school, or a student may not see it
     */
    Uni<Assignment> readableAssignment(Caller caller, UUID assignmentId) {
        return Assignment.findInTenant(caller.tenantId(), assignmentId).chain(assignment -> {
            if (assignment == null) {
                throw new NotFoundException("assignment", assignmentId);
            }
            return access.readableClass(caller, assignment.classId).chain(schoolClass -> access.manages(caller, schoolClass))
                    .map(manages -> {
                        if (!manages && !assignment.published()) {
                            throw new NotFoundException("assignment", assignmentId);
                        }
                        return assignment;
                    });
        });
    }

    private Uni<Void> publish(SchoolClass schoolClass, Assignment assignment, Instant now) {
        assignment.status = AssignmentStatus.PUBLISHED;
        assignment.publishedAt = now;
        if (assignment.kind == AssignmentKind.CODING && assignment.gradesReleasedAt == null) {
            assignment.gradesReleasedAt = now;
        }
        return outbox.record(assignment.tenantId, new AssignmentPublished(assignment.id, assignment.classId, schoolClass.teacherId, assignment.title,
                        assignment.kind.name(), assignment.points, assignment.dueAt, now, assignment.maxAttempts)).replaceWithVoid();
    }

    private static Uni<Void> requireUnlocked(UUID classId, UUID subjectId) {
        return GradeConfig.locked(classId, subjectId).invoke(locked -> {
            if (locked) {
                throw new ConflictException("The class's gradebook in this subject is finalized");
            }
        }).replaceWithVoid();
    }

    private static Uni<Void> validate(UUID tenantId, AssignmentDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        if (draft.lateCutoffAt() != null) {
            if (draft.latePolicy() == LatePolicy.REFUSE) {
                errors.add(new FieldError("lateCutoffAt", "only a PENALTY late policy has a cut-off"));
            } else if (!draft.lateCutoffAt().isAfter(draft.dueAt())) {
                errors.add(new FieldError("lateCutoffAt", "must be after dueAt"));
            }
        }
        if (draft.componentId() != null && draft.subjectId() == null) {
            errors.add(new FieldError("componentId", "needs a subjectId"));
        }
        if (draft.rubric() != null && !draft.rubric().isEmpty()) {
            BigDecimal best = BigDecimal.ZERO;
            for (int i = 0; i < draft.rubric().size(); i++) {
                CriterionDraft criterion = draft.rubric().get(i);
                best = best.add(criterion.levels().stream().map(LevelDraft::points).max(BigDecimal::compareTo)
                        .orElse(BigDecimal.ZERO));
            }
            if (best.compareTo(draft.points()) != 0) {
                errors.add(new FieldError("rubric", "the best levels add up to " + best.stripTrailingZeros().toPlainString()
                        + " points, not the assignment's " + draft.points().stripTrailingZeros().toPlainString()));
            }
        }
        Uni<Subject> subject = draft.subjectId() == null ? Uni.createFrom().nullItem()
                : Subject.findInTenant(tenantId, draft.subjectId());
        Uni<GradeComponent> component = draft.componentId() == null ? Uni.createFrom().nullItem()
                : GradeComponent.<GradeComponent>findById(draft.componentId());
        return subject.chain(s -> component.map(c -> {
            if (draft.subjectId() != null && s == null) {
                errors.add(new FieldError("subjectId", "No subject with this id in your school"));
            }
            if (draft.componentId() != null && (c == null || !c.tenantId.equals(tenantId)
                    || (draft.subjectId() != null && !c.subjectId.equals(draft.subjectId())))) {
                errors.add(new FieldError("componentId", "No component with this id in the subject"));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException("The assignment has invalid fields", errors);
            }
            return null;
        })).replaceWithVoid();
    }
}
