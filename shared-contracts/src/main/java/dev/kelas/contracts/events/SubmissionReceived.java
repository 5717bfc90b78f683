package dev.kelas.contracts.events;

import dev.kelas.contracts.KelasEvent;
import dev.kelas.contracts.Subjects;
import java.time.Instant;
import java.util.UUID;

/**
 * A student handed in work (ESSAY, FILE or LINK). Subject {@code kelas.learning.submission.received}.
 *
 * @param attempt            1 for the first hand-in, counting up
 * @param latePenaltyPercent the penalty the late policy set for this attempt, 0 when on time
 */
public record SubmissionReceived(UUID submissionId, UUID assignmentId, UUID classId, UUID studentId, int attempt,
                                 boolean late, java.math.BigDecimal latePenaltyPercent, Instant occurredAt) implements KelasEvent {

    @Override
    public String subject() {
        return Subjects.LEARNING_SUBMISSION_RECEIVED;
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
