package dev.kelas.learning.announcement.dto;

import dev.kelas.contracts.Role;
import dev.kelas.learning.announcement.Announcement;
import dev.kelas.learning.announcement.AnnouncementStatus;
import dev.kelas.learning.common.Audience;
import java.time.Instant;
import java.util.UUID;

/** An announcement: {@code body} is the Markdown as written, {@code bodyHtml} the sanitised rendering to show. */
public record AnnouncementResponse(UUID id, UUID authorId, String title, String body, String bodyHtml, Audience audience, UUID classId,
                                   Role role, boolean pinned, AnnouncementStatus status, Instant publishAt, Instant publishedAt,
                                   Instant expiresAt, Boolean read, int version) {
    public static AnnouncementResponse of(Announcement a, Boolean read) {
        return new AnnouncementResponse(a.id, a.authorId, a.title, a.body, a.bodyHtml, a.audience, a.classId, a.role, a.pinned, a.status,
                a.publishAt, a.publishedAt, a.expiresAt, read, a.version);
    }
}
