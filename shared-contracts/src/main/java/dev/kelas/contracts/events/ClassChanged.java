package dev.kelas.contracts.events;

import dev.kelas.contracts.KelasEvent;
import dev.kelas.contracts.Subjects;
import java.time.Instant;
import java.util.UUID;

/**
 * A class was created, changed (name, code, grade level) or archived: its description as it is now. Subject
 * {@code kelas.learning.class.changed}.
 *
 * @param termId     the term the class runs in, or null
 * @param gradeLevel 1 to 13, or null
 * @param teacherId  the homeroom teacher
 * @param archived   whether the class is archived (it takes no more changes)
 */
public record ClassChanged(UUID classId, String name, UUID termId, Integer gradeLevel, UUID teacherId, boolean archived,
                           Instant occurredAt) implements KelasEvent {

    @Override
    public String subject() {
        return Subjects.LEARNING_CLASS_CHANGED;
    }

    @Override
    public String aggregateType() {
        return "class";
    }

    @Override
    public UUID aggregateId() {
        return classId;
    }
}
