package dev.kelas.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A student left a class; the enrollment ends with status WITHDRAWN and keeps its grades.
 * Subject {@code kelas.learning.enrollment.withdrawn}.
 */
public record EnrollmentWithdrawn(UUID enrollmentId, UUID classId, UUID studentId, String reason, Instant occurredAt) {
}
