package dev.kelas.learning.grading;

import dev.kelas.contracts.Verdict;
import dev.kelas.contracts.events.SubmissionGraded;
import dev.kelas.learning.assignment.Assignment;
import dev.kelas.learning.assignment.CodingScorePolicy;
import dev.kelas.learning.assignment.LatePolicy;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A lab grader's results for CODING work ({@code kelas.lab.submission.graded}) in the gradebook: each
 * submission's latest result ({@link LabResult}), the late and attempt policy, and the grade they give.
 */
@ApplicationScoped
public class LabGradeService {
    private static final Logger LOG = Logger.getLogger(LabGradeService.class);

    private final GradeWriter writer;

    public LabGradeService(GradeWriter writer) {
        this.writer = writer;
    }

    /**
     * Puts a grader's result into the gradebook (once per event: {@link LabGradeEventListener}'s inbox sees to
     * that). The submission's score is scaled to the assignment's points ({@code points * score / maxScore},
     * 2 decimals, half up) and kept as that submission's latest result (an older event for it, arriving late, is ignored). Results handed in after
     * the due time follow the assignment's late policy: refused ones do not count, the others lose their
     * penalty (only when the event says when the work was submitted). The grade is then the best such result,
     * or the latest attempt's, as the assignment says ({@link CodingScorePolicy}); a regrade can raise or
     * lower it. It stays as it is when a teacher has set it by hand or the gradebook is finalized. A change
     * is audited and announced as {@code kelas.learning.grade.recorded}. An event of a teacher's regrade
     * ({@code regradeId} set) also writes a REGRADE audit entry with the submission's result and verdict before
     * and after, whether or not the grade moved.
     *
     * @throws IllegalStateException if the assignment is not in the event's tenant (the event is retried,
     *                               then dead-lettered)
     */
    @WithTransaction
    public Uni<Void> recordLabGrade(UUID tenantId, SubmissionGraded graded) {
        return Assignment.findInTenant(tenantId, graded.assignmentId()).chain(assignment -> {
            if (assignment == null) {
                throw new IllegalStateException("Graded submission " + graded.submissionId()
                        + " names assignment " + graded.assignmentId() + ", unknown in tenant " + tenantId);
            }
            BigDecimal score = graded.maxScore().signum() == 0 ? BigDecimal.ZERO
                    : assignment.points.multiply(graded.score()).divide(graded.maxScore(), 2, RoundingMode.HALF_UP);
            return LabResult.<LabResult>findById(graded.submissionId()).chain(existing -> {
                boolean stale = existing != null && existing.gradedAt.isAfter(graded.occurredAt());
                BigDecimal oldScore = existing != null ? existing.score : scaled(assignment, graded.previousScore(), graded.maxScore());
                Verdict oldVerdict = existing != null && existing.verdict != null ? existing.verdict : graded.previousVerdict();
                return keepLatest(existing, tenantId, assignment, graded, score)
                        .chain(() -> Panache.getSession().chain(session -> session.flush()))
                        .chain(() -> LabResult.results(assignment.id, graded.studentId()))
                        .chain(results -> applyLabResults(assignment, graded, results))
                        .chain(() -> graded.regrade() && !stale
                                ? auditRegrade(assignment, graded, oldScore, oldVerdict, score) : Uni.createFrom().voidItem());
            });
        });
    }

    /** A grade-audit entry (source REGRADE) for one submission of a teacher's regrade: its result before and after. */
    private static Uni<Void> auditRegrade(Assignment assignment, SubmissionGraded graded, BigDecimal oldScore,
                                          Verdict oldVerdict, BigDecimal newScore) {
        return Grade.find(assignment.id, graded.studentId()).chain(grade -> {
            GradeChange entry = new GradeChange();
            entry.id = UUID.randomUUID();
            entry.tenantId = assignment.tenantId;
            entry.gradeId = grade == null ? null : grade.id;
            entry.assignmentId = assignment.id;
            entry.studentId = graded.studentId();
            entry.oldScore = oldScore;
            entry.newScore = newScore;
            entry.oldExcused = grade == null ? null : grade.excused;
            entry.newExcused = grade != null && grade.excused;
            entry.source = Grade.REGRADE;
            entry.labSubmissionId = graded.submissionId();
            entry.regradeId = graded.regradeId();
            entry.oldVerdict = oldVerdict;
            entry.newVerdict = graded.verdict();
            entry.reason = "Regrade of lab submission " + graded.submissionId() + ": "
                    + (oldVerdict == null ? "ungraded" : oldVerdict) + " " + (oldScore == null ? "-" : oldScore.toPlainString())
                    + " -> " + graded.verdict() + " " + newScore.toPlainString();
            entry.changedAt = Instant.now();
            return entry.persist().replaceWithVoid();
        });
    }

    /** Lab points on the assignment's scale ({@code points * score / maxScore}, 2 decimals, half up); null stays null. */
    private static BigDecimal scaled(Assignment assignment, BigDecimal labScore, BigDecimal maxScore) {
        if (labScore == null) {
            return null;
        }
        return maxScore.signum() == 0 ? BigDecimal.ZERO
                : assignment.points.multiply(labScore).divide(maxScore, 2, RoundingMode.HALF_UP);
    }

    private Uni<Void> applyLabResults(Assignment assignment, SubmissionGraded graded, List<LabResult> results) {
        Optional<GradeWriter.Change> chosen = chooseLabResult(assignment, results, graded);
        if (chosen.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return GradeConfig.locked(assignment.classId, assignment.subjectId).chain(locked -> Grade.find(assignment.id,
                graded.studentId()).chain(existing -> {
            if (locked) {
                LOG.infof("Gradebook of class %s is finalized: lab result %s not applied", assignment.classId,
                        graded.submissionId());
                return Uni.createFrom().voidItem();
            }
            if (existing != null && Grade.TEACHER.equals(existing.source)) {
                LOG.debugf("Grade of student %s on %s was set by a teacher; lab result kept aside", graded.studentId(),
                        assignment.id);
                return Uni.createFrom().voidItem();
            }
            GradeWriter.Change change = chosen.get();
            if (existing != null && existing.rawScore.compareTo(change.raw()) == 0
                    && existing.latePenaltyPercent.compareTo(change.penalty()) == 0) {
                LOG.debugf("Grade of student %s on %s unchanged", graded.studentId(), assignment.id);
                return Uni.createFrom().voidItem();
            }
            return writer.save(assignment, graded.studentId(), existing, change).replaceWithVoid();
        }));
    }

    /** The result the policy picks, with its late penalty, or empty when none counts. */
    private static Optional<GradeWriter.Change> chooseLabResult(Assignment assignment, List<LabResult> results, SubmissionGraded graded) {
        List<GradeWriter.Change> eligible = new ArrayList<>();
        Map<GradeWriter.Change, Instant> attemptedAt = new HashMap<>();
        for (LabResult result : results) {
            BigDecimal penalty = BigDecimal.ZERO;
            if (result.submittedAt != null) {
                if (!assignment.latePolicy.accepts(assignment.dueAt, assignment.lateCutoffAt, result.submittedAt)) {
                    continue;
                }
                penalty = LatePolicy.penaltyPercent(LatePolicy.daysLate(assignment.dueAt, result.submittedAt),
                        assignment.latePenaltyPercent);
            }
            GradeWriter.Change change = new GradeWriter.Change(result.score, penalty, false, Grade.LAB, result.submissionId, null, null,
                    "Lab submission " + result.submissionId + " graded"
                            + (result.submissionId.equals(graded.submissionId()) ? " " + graded.verdict() : ""));
            eligible.add(change);
            attemptedAt.put(change, result.attemptedAt());
        }
        Comparator<GradeWriter.Change> order = assignment.codingScorePolicy == CodingScorePolicy.LATEST
                ? Comparator.comparing(attemptedAt::get)
                : Comparator.comparing((GradeWriter.Change c) -> FinalGrade.effectivePoints(c.raw(), c.penalty())).thenComparing(attemptedAt::get);
        return eligible.stream().max(order);
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
        result.verdict = graded.verdict();
        result.gradedAt = graded.occurredAt();
        result.submittedAt = graded.submittedAt() != null ? graded.submittedAt() : result.submittedAt;
        return existing != null ? Uni.createFrom().voidItem() : result.persist().replaceWithVoid();
    }
}
