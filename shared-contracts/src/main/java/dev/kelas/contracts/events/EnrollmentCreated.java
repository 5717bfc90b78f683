package dev.kelas.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** A student was enrolled in a class. Subject {@code kelas.learning.enrollment.created}. */
public record EnrollmentCreated(UUID enrollmentId, UUID classId, UUID studentId, Instant occurredAt) {
}
