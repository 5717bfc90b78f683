package dev.kelas.learning.attendance.dto;

import dev.kelas.learning.attendance.AttendanceMarkChange;
import java.time.Instant;
import java.util.UUID;

/** One change of a mark in the audit trail. */
public record MarkChangeResponse(UUID studentId, String oldStatus, String newStatus, String oldRemark, String newRemark, String reason,
                                 UUID changedBy, Instant changedAt) {
    /** The response for a change. */
    public static MarkChangeResponse of(AttendanceMarkChange c) {
        return new MarkChangeResponse(c.studentId, c.oldStatus, c.newStatus, c.oldRemark, c.newRemark, c.reason, c.changedBy, c.changedAt);
    }
}
