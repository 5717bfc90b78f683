package dev.kelas.learning.announcement;

import dev.kelas.contracts.Role;
import dev.kelas.learning.common.Audience;
import dev.kelas.runtime.persistence.TenantEntity;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An announcement to an audience: Markdown as written and its sanitised HTML, pinned or not, published
 * at once or at {@link #publishAt}, shown until {@link #expiresAt}.
 */
@Entity
public class Announcement extends TenantEntity {
    public UUID authorId;
    public String title;
    /** Markdown as the author wrote it. */
    public String body;
    /** {@link #body} rendered and sanitised. */
    public String bodyHtml;
    @Enumerated(EnumType.STRING)
    public Audience audience;
    public UUID classId;
    @Enumerated(EnumType.STRING)
    public Role role;
    public boolean pinned;
    @Enumerated(EnumType.STRING)
    public AnnouncementStatus status;
    public Instant publishAt;
    public Instant publishedAt;
    public Instant expiresAt;
    public Instant createdAt;
    public Instant updatedAt;
    public int version;

    /** Whether readers see it at {@code now}: published and not expired. */
    public boolean liveAt(Instant now) {
        return status == AnnouncementStatus.PUBLISHED && (expiresAt == null || expiresAt.isAfter(now));
    }

    /** The school's published, unexpired announcements, pinned first, newest next. */
    public static Uni<List<Announcement>> live(UUID tenantId, Instant now) {
        return list("tenantId = ?1 and status = ?2 and (expiresAt is null or expiresAt > ?3) order by pinned desc, publishedAt desc",
                tenantId, AnnouncementStatus.PUBLISHED, now);
    }

    /** An author's announcements that are not out yet (drafts and scheduled), newest first. */
    public static Uni<List<Announcement>> unpublishedBy(UUID tenantId, UUID authorId) {
        return list("tenantId = ?1 and authorId = ?2 and status <> ?3 order by createdAt desc", tenantId, authorId,
                AnnouncementStatus.PUBLISHED);
    }
}
