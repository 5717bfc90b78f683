package dev.kelas.notification.audience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kelas.contracts.Role;
import dev.kelas.contracts.events.AnnouncementPublished;
import dev.kelas.notification.audience.ClassMember.ClassRole;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An announcement's audience names a class, a role or the school; anything else is refused (and dead-lettered). */
class LearningEventListenerTests {
    private static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");
    private static final UUID CLASS = UUID.randomUUID();

    @Test
    void shouldReadEachAudience() {
        assertEquals(new Audience.ClassMembers(CLASS, List.of(ClassRole.STUDENT, ClassRole.TEACHER), AT),
                LearningEventListener.audience(announcement("CLASS", CLASS, null)));
        assertEquals(new Audience.WithRole(Role.TEACHER), LearningEventListener.audience(announcement("ROLE", null, Role.TEACHER)));
        assertEquals(new Audience.WholeSchool(), LearningEventListener.audience(announcement("SCHOOL", null, null)));
    }

    @Test
    void shouldRefuseAnAudienceWithoutWhatItNames() {
        assertThrows(IllegalArgumentException.class, () -> LearningEventListener.audience(announcement("CLASS", null, null)));
        assertThrows(IllegalArgumentException.class, () -> LearningEventListener.audience(announcement("ROLE", CLASS, null)));
        assertThrows(IllegalArgumentException.class, () -> LearningEventListener.audience(announcement("PLANET", null, null)));
        assertThrows(IllegalArgumentException.class, () -> LearningEventListener.audience(announcement(null, null, null)));
    }

    private static AnnouncementPublished announcement(String audience, UUID classId, Role role) {
        return new AnnouncementPublished(UUID.randomUUID(), UUID.randomUUID(), audience, classId, role, "Title", "Body", AT);
    }
}
