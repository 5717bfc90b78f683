package dev.kelas.learning.service;

import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.GradeRecorded;
import dev.kelas.contracts.events.SubmissionGraded;
import dev.kelas.learning.domain.Assignment;
import dev.kelas.learning.domain.Enrollment;
import dev.kelas.learning.domain.Grade;
import dev.kelas.learning.domain.LabResult;
import io.quarkus.hibernate.reactive.panache.Panache;
import dev.kelas.learning.domain.Member;
import dev.kelas.runtime.inbox.Inbox;
import dev.kelas.runtime.outbox.Outbox;
import dev.kelas.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/** The class gradebook and the grades that lab verdicts put into it. */
@ApplicationScoped
public class GradebookService {
    private static final Logger LOG = Logger.getLogger(GradebookService.class);

    private final ClassAccess access;
    private final Inbox inbox;
    private final Outbox outbox;

    public GradebookService(ClassAccess access, Inbox inbox, Outbox outbox) {
        this.access = access;
        this.inbox = inbox;
        this.outbox = outbox;
    }

    /** The gradebook of a class the caller manages (its teacher or an administrator). */
    @WithSession
    public Uni<ClassGradebook> classGradebook(Caller caller, UUID classId) {
        UUID tenantId = caller.tenantId();
        return access.managedClass(caller, classId).chain(schoolClass -> Assignment.listForClass(classId)
                .chain(assignments -> Enrollment.listForClass(classId)
                        .chain(enrollments -> Member.listInTenant(tenantId, enrollments.stream().map(e -> e.studentId).toList())
                                .chain(members -> Grade.listForAssignments(assignments.stream().map(a -> a.id).toList())
                                        .map(grades -> new ClassGradebook(classId, schoolClass.name, assignments,
                                                rows(assignments, enrollments, members, grades)))))));
    }

    private static List<ClassGradebook.Row> rows(List<Assignment> assignments, List<Enrollment> enrollments,
                                                 List<Member> members, List<Grade> grades) {
        Map<UUID, Member> byId = members.stream().collect(Collectors.toMap(m -> m.userId, Function.identity()));
        BigDecimal totalMax = assignments.stream().map(a -> a.points).reduce(BigDecimal.ZERO, BigDecimal::add);
        return enrollments.stream().map(enrollment -> {
            Map<UUID, BigDecimal> scores = new LinkedHashMap<>();
            for (Grade grade : grades) {
                if (grade.studentId.equals(enrollment.studentId)) {
                    scores.put(grade.assignmentId, grade.score);
                }
            }
            BigDecimal total = scores.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            Member member = byId.get(enrollment.studentId);
            return new ClassGradebook.Row(enrollment.studentId, member == null ? null : member.name,
                    member == null ? null : member.email, scores, total, totalMax);
        }).toList();
    }

    /**
     * Puts a grader's result into the gradebook, once per event. The submission's score is scaled
     * to the assignment's points ({@code points * score / maxScore}, 2 decimals, half up) and kept as
     * that submission's latest result (an older event for it, arriving late, is ignored). The grade is
     * the best current result among the student's submissions, so a teacher's regrade can raise or
     * lower it. A changed grade is announced as {@code kelas.learning.grade.recorded}.
     *
     * @throws IllegalStateException if the assignment is not in the event's tenant (the event is
     *                               retried, then dead-lettered)
     */
    @WithTransaction
    public Uni<Void> recordLabGrade(String consumer, UUID eventId, UUID tenantId, SubmissionGraded graded) {
        return inbox.once(consumer, eventId, () -> Assignment.findInTenant(tenantId, graded.assignmentId()).chain(assignment -> {
            if (assignment == null) {
                throw new IllegalStateException("Graded submission " + graded.submissionId()
                        + " names assignment " + graded.assignmentId() + ", unknown in tenant " + tenantId);
            }
            BigDecimal score = graded.maxScore().signum() == 0 ? BigDecimal.ZERO
                    : assignment.points.multiply(graded.score()).divide(graded.maxScore(), 2, RoundingMode.HALF_UP);
            return LabResult.<LabResult>findById(graded.submissionId())
                    .chain(existing -> keepLatest(existing, tenantId, assignment, graded, score))
                    .chain(() -> Panache.getSession().chain(session -> session.flush()))
                    .chain(() -> LabResult.bestScore(assignment.id, graded.studentId()))
                    .chain(best -> Grade.find(assignment.id, graded.studentId()).chain(grade -> updateGrade(grade, best,
                            tenantId, assignment, graded)));
        }));
    }

    private static Uni<Void> keepLatest(LabResult existing, UUID tenantId, Assignment assignment, SubmissionGraded graded,
                                        BigDecimal score) {
        if (existing != null && existing.gradedAt.isAfter(graded.occurredAt())) {
            return Uni.createFrom().voidItem();
        }
        LabResult result = existing != null ? existing : new LabResult();
        result.submissionId = graded.submissionId();
        result.tenantId = tenantId;
        result.assignmentId = assignment.id;
        result.studentId = graded.studentId();
        result.score = score;
        result.gradedAt = graded.occurredAt();
        return existing != null ? Uni.createFrom().voidItem() : result.persist().replaceWithVoid();
    }

    private Uni<Void> updateGrade(Grade existing, BigDecimal best, UUID tenantId, Assignment assignment,
                                  SubmissionGraded graded) {
        if (best == null || (existing != null && existing.score.compareTo(best) == 0)) {
            LOG.debugf("Grade of student %s on %s unchanged", graded.studentId(), assignment.id);
            return Uni.createFrom().voidItem();
        }
        Grade grade = existing != null ? existing : new Grade();
        if (existing == null) {
            grade.id = UUID.randomUUID();
            grade.tenantId = tenantId;
            grade.assignmentId = assignment.id;
            grade.studentId = graded.studentId();
        }
        grade.score = best;
        grade.maxScore = assignment.points;
        grade.source = "LAB";
        grade.sourceRef = graded.submissionId();
        grade.recordedAt = Instant.now();
        Uni<Grade> saved = existing != null ? Uni.createFrom().item(grade) : grade.persist();
        return saved.chain(() -> outbox.record(tenantId, "grade", grade.id, Subjects.LEARNING_GRADE_RECORDED,
                new GradeRecorded(grade.id, assignment.id, assignment.classId, grade.studentId, assignment.title,
                        grade.score, grade.maxScore, grade.source, grade.recordedAt))).replaceWithVoid();
    }
}
