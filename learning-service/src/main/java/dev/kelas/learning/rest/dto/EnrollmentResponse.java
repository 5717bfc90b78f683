package dev.kelas.learning.rest.dto;

import dev.kelas.learning.domain.Enrollment;
import java.time.Instant;
import java.util.UUID;

/** An enrollment as the API shows it. */
public record EnrollmentResponse(UUID id, UUID classId, UUID studentId, Instant createdAt) {
    public static EnrollmentResponse of(Enrollment e) {
        return new EnrollmentResponse(e.id, e.classId, e.studentId, e.createdAt);
    }
}
