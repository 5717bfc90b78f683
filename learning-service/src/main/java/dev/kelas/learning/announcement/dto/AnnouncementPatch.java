package dev.kelas.learning.announcement.dto;

import dev.kelas.learning.announcement.AnnouncementEdit;
import java.time.Instant;

/** Changes to an announcement; {@code announceAgain} tells its audience again about a published one. */
public record AnnouncementPatch(String title, String body, Boolean pinned, Instant publishAt, Instant expiresAt, Boolean announceAgain) {
    /** The edit this request describes. */
    public AnnouncementEdit toEdit() {
        return new AnnouncementEdit(title, body, pinned, publishAt, expiresAt, Boolean.TRUE.equals(announceAgain));
    }
}
