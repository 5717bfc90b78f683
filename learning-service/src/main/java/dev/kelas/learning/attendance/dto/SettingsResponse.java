package dev.kelas.learning.attendance.dto;

import dev.kelas.learning.attendance.AttendanceSetting;

/** The school's attendance rules. */
public record SettingsResponse(int absenceLimit, int latesPerAbsence) {
    /** The response for the rules. */
    public static SettingsResponse of(AttendanceSetting setting) {
        return new SettingsResponse(setting.absenceLimit, setting.latesPerAbsence);
    }
}
