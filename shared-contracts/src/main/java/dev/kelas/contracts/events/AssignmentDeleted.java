package dev.kelas.contracts.events;

import dev.kelas.contracts.KelasEvent;
import dev.kelas.contracts.Subjects;
import java.time.Instant;
import java.util.UUID;

/**
 * A published assignment that had no hand-ins and no grades was deleted. Subject
 * {@code kelas.learning.assignment.deleted}; projections drop their copy (no reminder is sent for it).
 */
public record AssignmentDeleted(UUID assignmentId, UUID classId, Instant occurredAt) implements KelasEvent {

    @Override
    public String subject() {
        return Subjects.LEARNING_ASSIGNMENT_DELETED;
    }

    @Override
    public String aggregateType() {
        return "assignment";
    }

    @Override
    public UUID aggregateId() {
        return assignmentId;
    }
}
