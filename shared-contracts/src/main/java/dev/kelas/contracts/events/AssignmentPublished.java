package dev.kelas.contracts.events;

import dev.kelas.contracts.KelasEvent;
import dev.kelas.contracts.Subjects;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An assignment became visible to a class. Subject {@code kelas.learning.assignment.published}.
 *
 * @param teacherId the class's teacher, who may attach a coding task to a CODING assignment
 * @param points      the most the assignment is worth, in points
 * @param maxAttempts submissions allowed per student, or null for no limit (added later: older events lack it)
 * @param subjectId   the subject it counts toward, or null (added later: older events lack it)
 */
public record AssignmentPublished(UUID assignmentId, UUID classId, UUID teacherId, String title, String kind,
                                  BigDecimal points, Instant dueAt, Instant occurredAt,
                                  Integer maxAttempts, UUID subjectId) implements KelasEvent {

    /** An assignment that counts toward no subject (the form before {@code subjectId} was added). */
    public AssignmentPublished(UUID assignmentId, UUID classId, UUID teacherId, String title, String kind, BigDecimal points,
                               Instant dueAt, Instant occurredAt, Integer maxAttempts) {
        this(assignmentId, classId, teacherId, title, kind, points, dueAt, occurredAt, maxAttempts, null);
    }

    @Override
    public String subject() {
        return Subjects.LEARNING_ASSIGNMENT_PUBLISHED;
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
