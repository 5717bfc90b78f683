package dev.kelas.contracts.events;

import dev.kelas.contracts.KelasEvent;
import dev.kelas.contracts.Subjects;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A published assignment changed (title, description, due date, late policy, points, attempts or rubric). Subject
 * {@code kelas.learning.assignment.updated}. Carries the whole new state a projection keeps, so a consumer
 * overwrites its copy; {@code version} orders the changes of one assignment (a consumer skips an older one).
 *
 * @param points        the most the assignment is worth now, in points
 * @param dueAt         the due time now
 * @param previousDueAt the due time before this change (equal to {@code dueAt} when it did not move)
 * @param maxAttempts   submissions allowed per student, or null for no limit
 * @param version       the assignment's version after the change (its ETag)
 */
public record AssignmentUpdated(UUID assignmentId, UUID classId, String title, String kind, BigDecimal points,
                                Instant dueAt, Instant previousDueAt, Integer maxAttempts, int version,
                                Instant occurredAt) implements KelasEvent {

    /** Whether the due time moved. */
    public boolean dueDateChanged() {
        return previousDueAt == null || !previousDueAt.equals(dueAt);
    }

    @Override
    public String subject() {
        return Subjects.LEARNING_ASSIGNMENT_UPDATED;
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
