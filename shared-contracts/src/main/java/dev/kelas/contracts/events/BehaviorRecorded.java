package dev.kelas.contracts.events;

import dev.kelas.contracts.KelasEvent;
import dev.kelas.contracts.Subjects;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A teacher recorded a behaviour note on a student. Subject {@code kelas.learning.behavior.recorded};
 * notification-service tells the student when the note is visible to them.
 *
 * @param kind             {@code POSITIVE} or {@code NEGATIVE}
 * @param category         the school's category code, e.g. {@code HELPFUL}
 * @param points           signed points (positive notes add, negative ones subtract)
 * @param visibleToStudent false for a staff-only note (the event then carries no description)
 * @param description      the note's text, or null when it is staff-only
 * @param date             the day the behaviour happened
 */
public record BehaviorRecorded(UUID noteId, UUID studentId, UUID classId, UUID authorId, String kind, String category,
                               int points, boolean visibleToStudent, String description, LocalDate date,
                               Instant occurredAt) implements KelasEvent {
    public static final String POSITIVE = "POSITIVE";
    public static final String NEGATIVE = "NEGATIVE";

    @Override
    public String subject() {
        return Subjects.LEARNING_BEHAVIOR_RECORDED;
    }

    @Override
    public String aggregateType() {
        return "behavior";
    }

    @Override
    public UUID aggregateId() {
        return noteId;
    }
}
