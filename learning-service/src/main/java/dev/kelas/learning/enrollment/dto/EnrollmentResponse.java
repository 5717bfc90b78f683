package dev.kelas.learning.enrollment.dto;

import dev.kelas.learning.enrollment.Enrollment;
import dev.kelas.learning.enrollment.EnrollmentStatus;
import dev.kelas.learning.member.Member;
import java.time.Instant;
import java.util.UUID;

/**
 * An enrollment as the API shows it.
 *
 * @param transferredTo the enrollment in the class a TRANSFERRED student moved to
 * @param studentName   null while the student is unknown to learning-service, and in write answers
 */
public record EnrollmentResponse(UUID id, UUID classId, UUID studentId, Instant createdAt, EnrollmentStatus status,
                                 Instant endedAt, String endReason, UUID transferredTo, String studentName) {
    public static EnrollmentResponse of(Enrollment e) {
        return of(e, null);
    }

    public static EnrollmentResponse of(Enrollment e, Member student) {
        return new EnrollmentResponse(e.id, e.classId, e.studentId, e.createdAt, e.status, e.endedAt, e.endReason,
                e.transferredTo, student == null ? null : student.name);
    }
}
