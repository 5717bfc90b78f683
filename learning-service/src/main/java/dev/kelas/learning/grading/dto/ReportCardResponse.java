package dev.kelas.learning.grading.dto;

import dev.kelas.learning.common.dto.TermResponse;
import dev.kelas.learning.enrollment.EnrollmentStatus;
import dev.kelas.learning.grading.GradingMethod;
import dev.kelas.learning.grading.ReportCardService.ReportCard;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A student's report card for a term: a line per class and subject.
 *
 * @param lines each with the component percentages and the final grade (0..100, null while nothing counts)
 */
public record ReportCardResponse(UUID studentId, String studentName, TermResponse term, List<Line> lines) {

    /** One class and subject. */
    public record Line(UUID classId, String className, EnrollmentStatus enrollmentStatus, UUID subjectId, String subjectCode,
                       String subjectName, GradingMethod method, Instant finalizedAt, List<ComponentGrade> components,
                       BigDecimal finalGrade) {
    }

    /** A component's weight and the student's percentage in it (null while nothing counts). */
    public record ComponentGrade(UUID componentId, String name, BigDecimal weight, BigDecimal percent) {
    }

    public static ReportCardResponse of(ReportCard card) {
        return new ReportCardResponse(card.student().userId, card.student().name, TermResponse.of(card.term()),
                card.lines().stream().map(line -> new Line(line.schoolClass().id, line.schoolClass().name,
                        line.membership().status(), line.subject().subject().id, line.subject().subject().code,
                        line.subject().subject().name, line.subject().method(), line.subject().finalizedAt(),
                        line.subject().components().stream().map(c -> new ComponentGrade(c.componentId(), c.name(), c.weight(),
                                line.componentPercents().get(c.componentId()))).toList(),
                        line.finalGrade())).toList());
    }
}
