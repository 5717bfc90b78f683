package dev.kelas.learning.attendance.dto;

import dev.kelas.learning.attendance.AttendanceReportService.Tally;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Counts of marks: per status, marked sessions, absences by the lates rule and the percentage
 * ({@code sum(points) / (best status's points * marked) * 100}, 2 decimals half up; null when nothing is marked).
 */
public record TallyResponse(Map<String, Long> counts, long marked, int absences, BigDecimal percentage) {
    /** The response for a tally. */
    public static TallyResponse of(Tally tally) {
        return new TallyResponse(tally.counts(), tally.marked(), tally.absences(), tally.percentage());
    }
}
