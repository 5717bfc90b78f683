package dev.kelas.learning.attendance.dto;

import dev.kelas.learning.attendance.AttendanceMarkingService.MarkDraft;
import java.util.UUID;

/** One student's mark: a status code, an optional remark (500 characters) and minutes late (LATE only, 0-600). */
public record MarkRequest(UUID studentId, String status, String remark, Integer minutesLate) {
    /** The service's draft. */
    public MarkDraft draft() {
        return new MarkDraft(studentId, status, remark, minutesLate);
    }
}
