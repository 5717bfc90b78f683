package dev.kelas.learning.announcement;

import dev.kelas.runtime.persistence.TenantEntity;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A file attached to an announcement; its id is the {@code stored_file}'s, which holds the name, type, size and SHA-256. */
@Entity
@Table(name = "announcement_attachment")
public class AnnouncementAttachment extends TenantEntity {
    public UUID announcementId;
    public Instant attachedAt;

    /** The attachments of an announcement, oldest first. */
    public static Uni<List<AnnouncementAttachment>> listFor(UUID announcementId) {
        return list("announcementId = ?1 order by attachedAt, id", announcementId);
    }

    /** How many files an announcement has. */
    public static Uni<Long> countFor(UUID announcementId) {
        return count("announcementId", announcementId);
    }
}
