package dev.kelas.contracts.events;

import dev.kelas.contracts.KelasEvent;
import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.Verdict;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A grader finished a code submission. Subject {@code kelas.lab.submission.graded}.
 *
 * @param score       points earned (sum of the points of accepted tests)
 * @param maxScore    points available (sum of all tests' points)
 * @param tests       verdict per test case, in test order (no test data: hidden tests stay hidden)
 * @param occurredAt  when it was graded (a regrade grades again)
 * @param submittedAt when the student submitted it; null from producers older than this field
 * @param regradeId   the teacher's regrade this grading belongs to; null for a first grading (and from older producers)
 * @param previousScore   for a regrade: the points the submission had before it, or null if it had none
 * @param previousVerdict for a regrade: the verdict the submission had before it, or null if it had none
 */
public record SubmissionGraded(UUID submissionId, UUID taskId, UUID assignmentId, UUID classId, UUID studentId,
                               Verdict verdict, BigDecimal score, BigDecimal maxScore, List<Verdict> tests,
                               Instant occurredAt, Instant submittedAt, UUID regradeId, BigDecimal previousScore,
                               Verdict previousVerdict) implements KelasEvent {

    /** A first grading (no regrade), as producers before {@code regradeId} wrote it. */
    public SubmissionGraded(UUID submissionId, UUID taskId, UUID assignmentId, UUID classId, UUID studentId,
                            Verdict verdict, BigDecimal score, BigDecimal maxScore, List<Verdict> tests, Instant occurredAt,
                            Instant submittedAt) {
        this(submissionId, taskId, assignmentId, classId, studentId, verdict, score, maxScore, tests, occurredAt,
                submittedAt, null, null, null);
    }

    /** The event without {@code submittedAt}, as producers before that field wrote it. */
    public SubmissionGraded(UUID submissionId, UUID taskId, UUID assignmentId, UUID classId, UUID studentId,
                            Verdict verdict, BigDecimal score, BigDecimal maxScore, List<Verdict> tests, Instant occurredAt) {
        this(submissionId, taskId, assignmentId, classId, studentId, verdict, score, maxScore, tests, occurredAt, null);
    }

    /** Whether this grading is part of a teacher's regrade ({@code regradeId} is set). */
    public boolean regrade() {
        return regradeId != null;
    }

    @Override
    public String subject() {
        return Subjects.LAB_SUBMISSION_GRADED;
    }

    @Override
    public String aggregateType() {
        return "submission";
    }

    @Override
    public UUID aggregateId() {
        return submissionId;
    }
}
