package dev.kelas.contracts.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A grade became visible to its student because the teacher released the assignment's grades (or the
 * gradebook was finalized). Subject {@code kelas.learning.grade.released}.
 *
 * @param score    points after any late penalty; 0 when excused
 * @param maxScore the assignment's points
 */
public record GradeReleased(UUID gradeId, UUID assignmentId, UUID classId, UUID studentId, String assignmentTitle,
                            BigDecimal score, BigDecimal maxScore, boolean excused, Instant occurredAt) {
}
