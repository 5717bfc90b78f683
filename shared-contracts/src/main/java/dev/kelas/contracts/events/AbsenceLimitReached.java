package dev.kelas.contracts.events;

import dev.kelas.contracts.KelasEvent;
import dev.kelas.contracts.Subjects;
import java.time.Instant;
import java.util.UUID;

/**
 * A student's absences in a class reached the school's absence limit for the term (lates counted by
 * the school's lates-per-absence rule). Sent once per enrollment and limit. Subject
 * {@code kelas.learning.attendance.absence-limit-reached}; notification-service tells the student and
 * the homeroom teacher.
 *
 * @param homeroomTeacherId the class's homeroom teacher, or null
 * @param absences          absences counted, lates included by the rule
 * @param limit             the school's limit
 */
public record AbsenceLimitReached(UUID enrollmentId, UUID studentId, UUID classId, UUID homeroomTeacherId, String className,
                                  int absences, int limit, Instant occurredAt) implements KelasEvent {

    @Override
    public String subject() {
        return Subjects.LEARNING_ATTENDANCE_ABSENCE_LIMIT_REACHED;
    }

    @Override
    public String aggregateType() {
        return "enrollment";
    }

    @Override
    public UUID aggregateId() {
        return enrollmentId;
    }
}
