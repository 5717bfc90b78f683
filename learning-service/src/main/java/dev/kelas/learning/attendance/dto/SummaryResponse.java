package dev.kelas.learning.attendance.dto;

import dev.kelas.learning.attendance.AttendanceReportService.ClassSummary;
import dev.kelas.learning.enrollment.EnrollmentStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A class's attendance summary over a range: per student, the class's percentage and each subject's. */
public record SummaryResponse(UUID classId, LocalDate from, LocalDate to, int absenceLimit, BigDecimal classPercentage,
                              Map<UUID, BigDecimal> subjectPercentages, List<Student> students) {
    /** A student's line; {@code atOrPastLimit} looks at the absences in the class's whole term. */
    public record Student(UUID studentId, String name, EnrollmentStatus enrollmentStatus, TallyResponse summary, boolean atOrPastLimit) {
    }

    /** The response for a summary. */
    public static SummaryResponse of(ClassSummary s) {
        return new SummaryResponse(s.schoolClass().id, s.from(), s.to(), s.absenceLimit(), s.classPercentage(), s.subjectPercentages(),
                s.students().stream().map(st -> new Student(st.studentId(), st.name(), st.enrollmentStatus(), TallyResponse.of(st.tally()),
                        st.atOrPastLimit())).toList());
    }
}
