package dev.kelas.contracts.events;

import dev.kelas.contracts.KelasEvent;
import dev.kelas.contracts.Subjects;
import java.time.Instant;
import java.util.UUID;

/**
 * A teacher deleted a coding task: it is gone ({@code deleted} true) or, having submissions, archived.
 * Subject {@code kelas.lab.task.archived}. learning-service forgets the assignment's task id.
 */
public record LabTaskArchived(UUID taskId, UUID assignmentId, UUID classId, boolean deleted,
                              Instant occurredAt) implements KelasEvent {

    @Override
    public String subject() {
        return Subjects.LAB_TASK_ARCHIVED;
    }

    @Override
    public String aggregateType() {
        return "task";
    }

    @Override
    public UUID aggregateId() {
        return taskId;
    }
}
