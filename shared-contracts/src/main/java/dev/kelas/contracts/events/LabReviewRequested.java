package dev.kelas.contracts.events;

import dev.kelas.contracts.KelasEvent;
import dev.kelas.contracts.Subjects;
import java.time.Instant;
import java.util.UUID;

/**
 * A student (or the class's teacher) asked for a fresh review of a graded submission. Subject
 * {@code kelas.lab.review.requested}. The code stays in lab-service's database; the reviewer loads it by id.
 *
 * @param submissionId the submission to review again
 * @param taskId       its task
 * @param studentId    its author (whose per-student limit the request counted against)
 * @param requestedBy  who asked: the author or the class's teacher
 * @param occurredAt   when it was asked
 */
public record LabReviewRequested(UUID submissionId, UUID taskId, UUID studentId, UUID requestedBy, Instant occurredAt)
        implements KelasEvent {

    @Override
    public String subject() {
        return Subjects.LAB_REVIEW_REQUESTED;
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
