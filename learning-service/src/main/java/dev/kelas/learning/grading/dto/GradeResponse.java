package dev.kelas.learning.grading.dto;

import dev.kelas.learning.grading.Grade;
import dev.kelas.learning.grading.GradeRubricScore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A grade as the API shows it.
 *
 * @param score    points that count, after the late penalty
 * @param rawScore points the work earned
 * @param source   {@code TEACHER} or {@code LAB}
 */
public record GradeResponse(UUID id, UUID assignmentId, UUID studentId, BigDecimal score, BigDecimal rawScore,
                            BigDecimal latePenaltyPercent, BigDecimal maxScore, boolean excused, String feedback,
                            String source, List<RubricScore> rubric, UUID gradedBy, Instant recordedAt) {

    /** The level chosen on a criterion and its points. */
    public record RubricScore(UUID criterionId, UUID levelId, BigDecimal points) {
    }

    public static GradeResponse of(Grade g, List<GradeRubricScore> rubric) {
        return new GradeResponse(g.id, g.assignmentId, g.studentId, g.score, g.rawScore, g.latePenaltyPercent, g.maxScore,
                g.excused, g.feedback, g.source, rubric.stream().map(r -> new RubricScore(r.criterionId, r.levelId, r.points)).toList(),
                g.gradedBy, g.recordedAt);
    }
}
