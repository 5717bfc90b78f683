package dev.kelas.learning.attendance.dto;

/** The school's attendance rules: absences per class and term before the alarm (1-1000), lates per absence (0 = off, to 100). */
public record SettingsRequest(Integer absenceLimit, Integer latesPerAbsence) {
}
