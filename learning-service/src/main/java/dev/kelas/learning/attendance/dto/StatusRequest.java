package dev.kelas.learning.attendance.dto;

import dev.kelas.learning.attendance.AttendanceSettingsService.StatusDraft;
import java.math.BigDecimal;

/** One attendance status in a replacement set: code (e.g. {@code PRESENT}), label, points, whether it counts as an absence. */
public record StatusRequest(String code, String label, BigDecimal points, Boolean countsAsAbsence) {
    /** The service's draft. */
    public StatusDraft draft() {
        return new StatusDraft(code, label, points, countsAsAbsence);
    }
}
