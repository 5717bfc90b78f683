package dev.kelas.contracts.events;

import dev.kelas.contracts.KelasEvent;
import dev.kelas.contracts.Subjects;
import java.time.Instant;
import java.util.UUID;

/**
 * An administrator linked a PARENT account to a STUDENT of the same school: from now on the parent reads the
 * student's released grades, attendance, behaviour notes visible to the student and the announcements of the
 * student's classes. Subject {@code kelas.learning.guardian.linked}.
 *
 * @param studentId the child (a STUDENT account)
 * @param parentId  the parent (a PARENT account)
 */
public record GuardianLinked(UUID studentId, UUID parentId, Instant occurredAt) implements KelasEvent {

    @Override
    public String subject() {
        return Subjects.LEARNING_GUARDIAN_LINKED;
    }

    @Override
    public String aggregateType() {
        return "student";
    }

    @Override
    public UUID aggregateId() {
        return studentId;
    }
}
