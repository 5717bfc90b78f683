package dev.kelas.learning.service;

import dev.kelas.learning.domain.Assignment;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A class's gradebook: its assignments and one row per enrolled student.
 *
 * @param assignments the columns, in due order
 * @param rows        one per enrolled student, in enrollment order
 */
public record ClassGradebook(UUID classId, String className, List<Assignment> assignments, List<Row> rows) {

    /**
     * One student's grades.
     *
     * @param scores     assignment id to points scored; assignments without a grade are absent
     * @param totalScore sum of the scores, in points
     * @param totalMax   sum of the points of all the class's assignments
     */
    public record Row(UUID studentId, String name, String email, Map<UUID, BigDecimal> scores, BigDecimal totalScore,
                      BigDecimal totalMax) {
    }
}
