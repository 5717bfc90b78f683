package dev.kelas.contracts.events;

import dev.kelas.contracts.KelasEvent;
import dev.kelas.contracts.Subjects;
import java.time.Instant;
import java.util.UUID;

/**
 * An administrator removed the link of a PARENT account to a STUDENT: from now on the parent reads nothing of the
 * student (their grades, attendance, behaviour notes or the announcements of the student's classes).
 * Subject {@code kelas.learning.guardian.unlinked}.
 *
 * @param studentId the child (a STUDENT account)
 * @param parentId  the parent (a PARENT account)
 */
public record GuardianUnlinked(UUID studentId, UUID parentId, Instant occurredAt) implements KelasEvent {

    @Override
    public String subject() {
        return Subjects.LEARNING_GUARDIAN_UNLINKED;
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
