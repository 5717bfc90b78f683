package dev.kelas.contracts.events;

import dev.kelas.contracts.KelasEvent;
import dev.kelas.contracts.Subjects;
import java.time.Instant;
import java.util.UUID;

/**
 * A class's join code was set, rotated or turned off by a teacher or administrator (self-registration, issue 15).
 * Subject {@code kelas.learning.class.join-code-changed}; auth-service keeps the codes to check a student's
 * self-registration against them.
 *
 * @param code the class's code now, or null when the class takes no more self-registrations
 */
public record ClassJoinCodeChanged(UUID classId, UUID tenantId, String code, String className, Instant occurredAt)
        implements KelasEvent {

    @Override
    public String subject() {
        return Subjects.LEARNING_CLASS_JOIN_CODE_CHANGED;
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
