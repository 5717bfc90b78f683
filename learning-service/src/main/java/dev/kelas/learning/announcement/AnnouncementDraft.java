package dev.kelas.learning.announcement;

import dev.kelas.contracts.Role;
import dev.kelas.learning.common.Audience;
import java.time.Instant;
import java.util.UUID;

/**
 * A new announcement. {@code draft} keeps it unpublished; otherwise it goes out at {@code publishAt}
 * (now when absent or past).
 */
public record AnnouncementDraft(String title, String body, Audience audience, UUID classId, Role role, boolean pinned,
                                Instant publishAt, Instant expiresAt, boolean draft) {
}
