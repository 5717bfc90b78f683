package dev.kelas.learning.attendance.dto;

import dev.kelas.learning.attendance.AttendanceMark;
import java.time.Instant;
import java.util.UUID;

/** A student's mark in a session. */
public record MarkResponse(UUID studentId, String status, Integer minutesLate, String remark, UUID markedBy, Instant markedAt) {
    /** The response for a mark. */
    public static MarkResponse of(AttendanceMark mark) {
        return new MarkResponse(mark.studentId, mark.status, mark.minutesLate, mark.remark, mark.markedBy, mark.markedAt);
    }
}
