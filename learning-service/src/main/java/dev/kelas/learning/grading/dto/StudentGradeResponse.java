package dev.kelas.learning.grading.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kelas.learning.grading.FinalGrade;
import dev.kelas.learning.grading.ReportCardService.StudentGrade;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A student's standing on one assignment, as the reader may see it: a student reading their own sees a
 * grade only once the assignment's grades are released ({@code released}); until then {@code status} is PENDING.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StudentGradeResponse(UUID classId, UUID assignmentId, String title, BigDecimal points, boolean released,
                                   FinalGrade.Status status, BigDecimal score, BigDecimal rawScore,
                                   BigDecimal latePenaltyPercent, String feedback, List<GradeResponse.RubricScore> rubric) {
    public static StudentGradeResponse of(StudentGrade g) {
        var a = g.cell().assignment();
        var grade = g.cell().grade();
        return new StudentGradeResponse(a.classId, a.id, a.title, a.points, a.gradesReleasedAt != null, g.cell().status(),
                grade == null ? null : grade.score, grade == null ? null : grade.rawScore,
                grade == null ? null : grade.latePenaltyPercent, grade == null ? null : grade.feedback,
                grade == null ? null : g.rubric().stream()
                        .map(r -> new GradeResponse.RubricScore(r.criterionId, r.levelId, r.points)).toList());
    }
}
