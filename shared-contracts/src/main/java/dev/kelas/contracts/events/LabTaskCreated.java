package dev.kelas.contracts.events;

import dev.kelas.contracts.KelasEvent;
import dev.kelas.contracts.Subjects;
import java.time.Instant;
import java.util.UUID;

/**
 * A teacher created a coding task for a CODING assignment. Subject {@code kelas.lab.task.created}.
 * learning-service stores {@code taskId} on the assignment.
 *
 * @param teacherId the class's teacher (the task's owner)
 * @param createdBy who created it: the teacher or an administrator
 */
public record LabTaskCreated(UUID taskId, UUID assignmentId, UUID classId, UUID teacherId, UUID createdBy, String title,
                             String language, Instant occurredAt) implements KelasEvent {

    @Override
    public String subject() {
        return Subjects.LAB_TASK_CREATED;
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
