package dev.kelas.contracts.events;

import dev.kelas.contracts.KelasEvent;
import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.Role;
import java.time.Instant;
import java.util.UUID;

/**
 * An announcement went out. Subject {@code kelas.learning.announcement.published}; notification-service
 * tells its audience.
 *
 * @param audience {@code CLASS} (the students and teacher of {@code classId}), {@code ROLE} (every user of the
 *                 school with {@code role}) or {@code SCHOOL} (every user of the school)
 * @param classId  the class, for a {@code CLASS} audience
 * @param role     the role, for a {@code ROLE} audience
 */
public record AnnouncementPublished(UUID announcementId, UUID authorId, String audience, UUID classId, Role role,
                                    String title, String body, Instant occurredAt) implements KelasEvent {
    /** Audience names. */
    public static final String CLASS = "CLASS";
    public static final String ROLE = "ROLE";
    public static final String SCHOOL = "SCHOOL";

    @Override
    public String subject() {
        return Subjects.LEARNING_ANNOUNCEMENT_PUBLISHED;
    }

    @Override
    public String aggregateType() {
        return "announcement";
    }

    @Override
    public UUID aggregateId() {
        return announcementId;
    }
}
