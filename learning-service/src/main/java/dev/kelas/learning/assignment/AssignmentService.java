package dev.kelas.learning.assignment;

import dev.kelas.learning.common.ClassAccess;
import dev.kelas.learning.common.Rows;
import dev.kelas.learning.grading.GradeEvents;

import dev.kelas.contracts.ErrorCode;
import dev.kelas.contracts.events.AssignmentDeleted;
import dev.kelas.contracts.events.AssignmentPublished;
import dev.kelas.contracts.events.AssignmentUpdated;
import dev.kelas.learning.common.ETags;
import dev.kelas.learning.grading.Grade;
import dev.kelas.learning.grading.GradeWriter;
import dev.kelas.runtime.problem.KelasException;
import dev.kelas.runtime.problem.PreconditionFailedException;
import io.quarkus.hibernate.reactive.panache.Panache;
import dev.kelas.learning.academic.GradeComponent;
import dev.kelas.learning.grading.GradeConfig;
import dev.kelas.learning.enrollment.ClassService;
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
import java.math.RoundingMode;
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
    private final GradeWriter gradeWriter;

    public AssignmentService(ClassAccess access, Outbox outbox, GradeEvents gradeEvents, GradeWriter gradeWriter) {
        this.access = access;
        this.outbox = outbox;
        this.gradeEvents = gradeEvents;
        this.gradeWriter = gradeWriter;
    }

    /**
     * A change to an assignment; a null field stays as it is. {@code rubric} replaces the whole rubric (an empty
     * list removes it).
     */
    public record AssignmentChange(String title, String description, Instant dueAt, LatePolicy latePolicy,
                                   BigDecimal latePenaltyPercent, Instant lateCutoffAt, BigDecimal points,
                                   Integer maxAttempts, List<CriterionDraft> rubric) {
    }

    /** An updated assignment with its rubric and how many grades its new points rescaled. */
    public record UpdatedAssignment(AssignmentView view, int rescaledGrades) {
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
                .invoke(ClassService::requireNotArchived)
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
                    buildRubric(assignment.id, draft.rubric() == null ? List.of() : draft.rubric(), criteria, levels, rubric);
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
     * Changes an assignment of a class the caller manages (title, description, due date, late policy, points,
     * attempts, rubric). A published one is announced as {@code kelas.learning.assignment.updated}, so
     * notification-service moves its "due soon" reminder when the due date moves.
     *
     * <p>The school's rule for points changed after grading: every grade is rescaled proportionally,
     * {@code rawScore' = rawScore * newPoints / oldPoints} (two decimals, half up), the late penalty of its
     * hand-in applied again and {@code maxScore' = newPoints}; an excused grade stays excused at 0. Each grade
     * whose score changes gets one {@code RESCALE} entry in the grade audit trail ({@link GradeWriter#rescale}).
     * The rubric's best levels must still add up to the points, so changing the points of an assignment with
     * a rubric needs a new rubric too, and a rubric whose levels grades use cannot be replaced. Late days
     * of earlier hand-ins are kept as computed when they were handed in.
     *
     * @param expectedVersion the version the client read ({@code If-Match}), or null to skip the check
     * @throws PreconditionFailedException when the assignment changed since that version
     * @throws ValidationException         listing every invalid field of the result (a cut-off before the due
     *                                     time or under REFUSE, a rubric not adding up to the points)
     * @throws KelasException              409 RUBRIC_IN_USE when grades use the rubric being replaced
     * @throws ConflictException           if the class's gradebook in the subject is finalized
     */
    @WithTransaction
    public Uni<UpdatedAssignment> updateAssignment(Caller caller, UUID assignmentId, AssignmentChange change,
                                                   Integer expectedVersion) {
        return managedAssignment(caller, assignmentId).chain(view -> {
            Assignment assignment = view.assignment();
            ETags.require(expectedVersion, assignment.version, "assignment");
            BigDecimal oldPoints = assignment.points;
            Instant oldDue = assignment.dueAt;
            BigDecimal points = change.points() == null ? assignment.points : change.points().setScale(2, RoundingMode.HALF_UP);
            boolean pointsChange = points.compareTo(oldPoints) != 0;
            boolean replaceRubric = change.rubric() != null;
            LatePolicy policy = change.latePolicy() == null ? assignment.latePolicy : change.latePolicy();
            Instant due = change.dueAt() == null ? assignment.dueAt : change.dueAt();
            Instant cutoff = change.lateCutoffAt() != null ? change.lateCutoffAt()
                    : policy == LatePolicy.REFUSE ? null : assignment.lateCutoffAt;
            List<CriterionDraft> rubric = replaceRubric ? change.rubric() : view.rubric().criteria().stream()
                    .map(c -> new CriterionDraft(c.criterion().title, c.criterion().description, c.levels().stream()
                            .map(l -> new LevelDraft(l.title, l.points)).toList())).toList();
            AssignmentDraft merged = new AssignmentDraft(change.title() == null ? assignment.title : change.title(),
                    change.description() == null ? assignment.description : change.description(), assignment.kind, points,
                    due, assignment.status, assignment.subjectId, assignment.componentId, policy,
                    change.latePenaltyPercent() == null ? assignment.latePenaltyPercent : change.latePenaltyPercent(),
                    cutoff, change.maxAttempts() == null ? assignment.maxAttempts : change.maxAttempts(),
                    assignment.codingScorePolicy, rubric);
            return validate(caller.tenantId(), merged)
                    .call(() -> pointsChange || replaceRubric ? requireUnlocked(assignment.classId, assignment.subjectId)
                            : Uni.createFrom().voidItem())
                    .call(() -> replaceRubric && !view.rubric().isEmpty() ? rubricInUse(assignmentId).invoke(used -> {
                        if (used) {
                            throw new KelasException(409, ErrorCode.RUBRIC_IN_USE,
                                    "Grades use this rubric's levels; it cannot be replaced", List.of());
                        }
                    }) : Uni.createFrom().voidItem())
                    .chain(() -> {
                        assignment.title = merged.title().strip();
                        assignment.description = merged.description();
                        assignment.dueAt = merged.dueAt();
                        assignment.latePolicy = merged.latePolicy();
                        assignment.latePenaltyPercent = merged.latePenaltyPercent();
                        assignment.lateCutoffAt = merged.lateCutoffAt();
                        assignment.maxAttempts = merged.maxAttempts();
                        assignment.points = points;
                        assignment.version++;
                        Uni<Rubric> newRubric = replaceRubric ? replaceRubric(assignment, change.rubric())
                                : Uni.createFrom().item(view.rubric());
                        return newRubric.chain(r -> rescaleGrades(caller, assignment, oldPoints, pointsChange)
                                .call(() -> !assignment.published() ? Uni.createFrom().voidItem()
                                        : outbox.record(assignment.tenantId, new AssignmentUpdated(assignment.id,
                                        assignment.classId, assignment.title, assignment.kind.name(), assignment.points,
                                        assignment.dueAt, oldDue, assignment.maxAttempts, assignment.version, Instant.now())))
                                .map(n -> new UpdatedAssignment(new AssignmentView(assignment, r), n)));
                    });
        });
    }

    /**
     * Deletes an assignment of a class the caller manages: a draft always, a published one only while nobody
     * handed it in and nobody was graded on it (then announced as {@code kelas.learning.assignment.deleted}).
     * Discussion threads about it stay, no longer linked to it.
     *
     * @throws NotFoundException if it is not in the caller's school
     * @throws KelasException    409 ASSIGNMENT_HAS_HAND_INS when it has hand-ins or lab submissions, 409
     *                           ASSIGNMENT_GRADED when it has grades
     */
    @WithTransaction
    public Uni<Void> deleteAssignment(Caller caller, UUID assignmentId) {
        return managedAssignment(caller, assignmentId).chain(view -> {
            Assignment assignment = view.assignment();
            return countRows("select count(*) from submission where assignment_id = ?1", assignmentId)
                    .chain(submissions -> countRows("select count(*) from lab_result where assignment_id = ?1", assignmentId)
                            .map(lab -> submissions + lab))
                    .chain(handIns -> {
                        if (handIns > 0) {
                            throw new KelasException(409, ErrorCode.ASSIGNMENT_HAS_HAND_INS, "The assignment has "
                                    + handIns + " hand-in(s); it cannot be deleted", List.of());
                        }
                        return countRows("select count(*) from grade where assignment_id = ?1", assignmentId);
                    })
                    .chain(grades -> {
                        if (grades > 0) {
                            throw new KelasException(409, ErrorCode.ASSIGNMENT_GRADED, "The assignment has " + grades
                                    + " grade(s); it cannot be deleted", List.of());
                        }
                        return execute("update discussion_thread set assignment_id = null where assignment_id = ?1", assignmentId);
                    })
                    .chain(() -> execute("delete from rubric_level where criterion_id in "
                            + "(select id from rubric_criterion where assignment_id = ?1)", assignmentId))
                    .chain(() -> execute("delete from rubric_criterion where assignment_id = ?1", assignmentId))
                    .chain(() -> Assignment.delete("id", assignmentId))
                    .chain(() -> !assignment.published() ? Uni.createFrom().voidItem()
                            : outbox.record(assignment.tenantId, new AssignmentDeleted(assignment.id, assignment.classId,
                            Instant.now())).replaceWithVoid());
        });
    }

    private Uni<Integer> rescaleGrades(Caller caller, Assignment assignment, BigDecimal oldPoints, boolean pointsChange) {
        if (!pointsChange) {
            return Uni.createFrom().item(0);
        }
        return Grade.listForAssignments(List.of(assignment.id)).chain(grades -> {
            Uni<Integer> all = Uni.createFrom().item(0);
            for (Grade grade : grades) {
                all = all.chain(n -> gradeWriter.rescale(assignment, grade, oldPoints, caller.userId()).map(changed -> changed ? n + 1 : n));
            }
            return all;
        });
    }

    private static Uni<Boolean> rubricInUse(UUID assignmentId) {
        return countRows("select count(*) from grade_rubric_score s join rubric_criterion c on c.id = s.criterion_id "
                + "where c.assignment_id = ?1", assignmentId).map(n -> n > 0);
    }

    private static Uni<Rubric> replaceRubric(Assignment assignment, List<CriterionDraft> drafts) {
        return execute("delete from rubric_level where criterion_id in (select id from rubric_criterion where assignment_id = ?1)",
                assignment.id)
                .chain(() -> execute("delete from rubric_criterion where assignment_id = ?1", assignment.id))
                .chain(() -> {
                    List<RubricCriterion> criteria = new ArrayList<>();
                    List<RubricLevel> levels = new ArrayList<>();
                    List<Rubric.Criterion> rubric = new ArrayList<>();
                    buildRubric(assignment.id, drafts, criteria, levels, rubric);
                    return Rows.persistAll(criteria).chain(() -> Rows.persistAll(levels)).replaceWith(new Rubric(rubric));
                });
    }

    private static Uni<Long> countRows(String sql, UUID id) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, Long.class).setParameter(1, id)
                .getSingleResult());
    }

    private static Uni<Integer> execute(String sql, UUID id) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql).setParameter(1, id).executeUpdate());
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
                        assignment.kind.name(), assignment.points, assignment.dueAt, now, assignment.maxAttempts, assignment.subjectId)).replaceWithVoid();
    }

    private static void buildRubric(UUID assignmentId, List<CriterionDraft> drafts, List<RubricCriterion> criteria,
                                    List<RubricLevel> levels, List<Rubric.Criterion> rubric) {
        for (int i = 0; i < drafts.size(); i++) {
            RubricCriterion criterion = new RubricCriterion();
            criterion.id = UUID.randomUUID();
            criterion.assignmentId = assignmentId;
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
