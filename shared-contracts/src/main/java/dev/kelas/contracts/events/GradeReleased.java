package dev.kelas.contracts.events;

import dev.kelas.contracts.KelasEvent;
import dev.kelas.contracts.Subjects;
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
                            BigDecimal score, BigDecimal maxScore, boolean excused, Instant occurredAt) implements KelasEvent {

    @Override
    public String subject() {
        return Subjects.LEARNING_GRADE_RELEASED;
    }

    @Override
    public String aggregateType() {
        return "grade";
    }

    @Override
    public UUID aggregateId() {
        return gradeId;
    }
}
