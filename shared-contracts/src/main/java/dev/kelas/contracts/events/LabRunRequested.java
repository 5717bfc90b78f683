package dev.kelas.contracts.events;

import dev.kelas.contracts.KelasEvent;
import dev.kelas.contracts.Subjects;
import java.time.Instant;
import java.util.UUID;

/**
 * A student or teacher asked to run code on their own standard input, ungraded. Subject
 * {@code kelas.lab.run.requested}. The code and the input stay in lab-service's database; the runner
 * loads them by id.
 *
 * @param runId      the run
 * @param taskId     the task whose limits the run uses
 * @param userId     who asked
 * @param language   key of {@code kelas.lab.languages}, e.g. {@code python}
 * @param occurredAt when it was asked
 */
public record LabRunRequested(UUID runId, UUID taskId, UUID userId, String language, Instant occurredAt)
        implements KelasEvent {

    @Override
    public String subject() {
        return Subjects.LAB_RUN_REQUESTED;
    }

    @Override
    public String aggregateType() {
        return "run";
    }

    @Override
    public UUID aggregateId() {
        return runId;
    }
}
