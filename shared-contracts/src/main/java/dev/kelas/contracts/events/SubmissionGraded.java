package dev.kelas.contracts.events;

import dev.kelas.contracts.Verdict;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A grader finished a code submission. Subject {@code kelas.lab.submission.graded}.
 *
 * @param score    points earned (sum of the points of accepted tests)
 * @param maxScore points available (sum of all tests' points)
 * @param tests    verdict per test case, in test order (no test data: hidden tests stay hidden)
 */
public record SubmissionGraded(UUID submissionId, UUID taskId, UUID assignmentId, UUID classId, UUID studentId,
                               Verdict verdict, BigDecimal score, BigDecimal maxScore, List<Verdict> tests,
                               Instant occurredAt) {
}
