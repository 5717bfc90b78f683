package dev.kelas.contracts.events;

import dev.kelas.contracts.KelasEvent;
import dev.kelas.contracts.Subjects;
import java.time.Instant;
import java.util.UUID;

/**
 * A student left a class; the enrollment ends with status WITHDRAWN and keeps its grades.
 * Subject {@code kelas.learning.enrollment.withdrawn}.
 */
public record EnrollmentWithdrawn(UUID enrollmentId, UUID classId, UUID studentId, String reason, Instant occurredAt) implements KelasEvent {

    @Override
    public String subject() {
        return Subjects.LEARNING_ENROLLMENT_WITHDRAWN;
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
