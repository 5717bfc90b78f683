package dev.kelas.learning.rest.dto;

import dev.kelas.learning.service.ClassGradebook;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A class gradebook: the assignments as columns and one row per enrolled student.
 *
 * @param rows each with {@code scores}: assignment id to points scored (absent: no grade yet)
 */
public record GradebookResponse(UUID classId, String className, List<AssignmentResponse> assignments, List<Row> rows) {

    /** One student's line; totals in points. */
    public record Row(UUID studentId, String name, String email, Map<UUID, BigDecimal> scores, BigDecimal totalScore,
                      BigDecimal totalMax) {
    }

    public static GradebookResponse of(ClassGradebook gradebook) {
        return new GradebookResponse(gradebook.classId(), gradebook.className(),
                gradebook.assignments().stream().map(AssignmentResponse::of).toList(),
                gradebook.rows().stream().map(r -> new Row(r.studentId(), r.name(), r.email(), r.scores(), r.totalScore(),
                        r.totalMax())).toList());
    }
}
