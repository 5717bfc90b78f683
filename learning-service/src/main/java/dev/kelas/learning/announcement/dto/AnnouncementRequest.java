package dev.kelas.learning.announcement.dto;

import dev.kelas.contracts.Role;
import dev.kelas.learning.announcement.AnnouncementDraft;
import dev.kelas.learning.common.Audience;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;

/**
 * A new announcement: Markdown {@code body}; {@code audience} SCHOOL, ROLE (with {@code role}) or CLASS
 * (with {@code classId}); {@code draft} keeps it unpublished, {@code publishAt} schedules it.
 */
public record AnnouncementRequest(@NotNull String title, @NotNull String body, @NotNull Audience audience, UUID classId, Role role,
                                  Boolean pinned, Instant publishAt, Instant expiresAt, Boolean draft) {
    /** The announcement this request describes. */
    public AnnouncementDraft toDraft() {
        return new AnnouncementDraft(title, body, audience, classId, role, Boolean.TRUE.equals(pinned), publishAt, expiresAt,
                Boolean.TRUE.equals(draft));
    }
}
