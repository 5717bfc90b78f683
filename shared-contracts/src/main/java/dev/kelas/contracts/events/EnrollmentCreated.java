package dev.kelas.contracts.events;

import dev.kelas.contracts.KelasEvent;
import dev.kelas.contracts.Subjects;
import java.time.Instant;
import java.util.UUID;

/**
 * A student was enrolled in a class. Subject {@code kelas.learning.enrollment.created}.
 *
 * @param teacherId the class's teacher when the student was enrolled; null in events written before
 *                  this member was added (consumers read it by name, so old and new events both parse)
 */
public record EnrollmentCreated(UUID enrollmentId, UUID classId, UUID studentId, Instant occurredAt, UUID teacherId) implements KelasEvent {

    @Override
    public String subject() {
        return Subjects.LEARNING_ENROLLMENT_CREATED;
    }

    @Override
    public String aggregateType() {
        return "enrollment";
    }

    @Override
    public UUID aggregateId() {
        return enrollmentId;
    }
}
