package dev.kelas.contracts.events;

import dev.kelas.contracts.KelasEvent;
import dev.kelas.contracts.Subjects;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A grade entered a class gradebook. Subject {@code kelas.learning.grade.recorded}.
 *
 * @param score    points scored on the assignment
 * @param maxScore the assignment's points
 * @param source   {@code LAB} when a grader's verdict set it, {@code TEACHER} otherwise
 */
public record GradeRecorded(UUID gradeId, UUID assignmentId, UUID classId, UUID studentId, String assignmentTitle,
                            BigDecimal score, BigDecimal maxScore, String source, Instant occurredAt) implements KelasEvent {

    @Override
    public String subject() {
        return Subjects.LEARNING_GRADE_RECORDED;
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
