package dev.kelas.contracts.events;

import dev.kelas.contracts.KelasEvent;
import dev.kelas.contracts.Subjects;
import java.time.Instant;
import java.util.UUID;

/**
 * A student moved from one class to another mid-term. Subject {@code kelas.learning.enrollment.transferred}.
 * The old enrollment ends with status TRANSFERRED and keeps its grades; the new one is also announced
 * as {@code kelas.learning.enrollment.created}, so consumers that only know that event stay correct.
 *
 * @param enrollmentId    the enrollment that ended
 * @param newEnrollmentId the enrollment in {@code toClassId}
 */
public record EnrollmentTransferred(UUID enrollmentId, UUID newEnrollmentId, UUID studentId, UUID fromClassId,
                                    UUID toClassId, String reason, Instant occurredAt) implements KelasEvent {

    @Override
    public String subject() {
        return Subjects.LEARNING_ENROLLMENT_TRANSFERRED;
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
