package dev.kelas.learning.attendance.dto;

import dev.kelas.learning.attendance.AttendanceStatus;
import java.math.BigDecimal;

/** An attendance status of the school. */
public record StatusResponse(String code, String label, BigDecimal points, boolean countsAsAbsence, int position) {
    /** The response for a status. */
    public static StatusResponse of(AttendanceStatus status) {
        return new StatusResponse(status.code, status.label, status.points, status.countsAsAbsence, status.position);
    }
}
