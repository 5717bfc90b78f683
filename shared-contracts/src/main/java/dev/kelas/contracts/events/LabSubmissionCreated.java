package dev.kelas.contracts.events;

import dev.kelas.contracts.KelasEvent;
import dev.kelas.contracts.Subjects;
import java.time.Instant;
import java.util.UUID;

/**
 * A student's code was stored and waits for a grader. Subject {@code kelas.lab.submission.created}.
 * The source code stays in lab-service's database; the grader loads it by id.
 */
public record LabSubmissionCreated(UUID submissionId, UUID taskId, UUID studentId, String language,
                                   Instant occurredAt) implements KelasEvent {

    @Override
    public String subject() {
        return Subjects.LAB_SUBMISSION_CREATED;
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
