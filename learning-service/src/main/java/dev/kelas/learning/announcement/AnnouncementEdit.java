package dev.kelas.learning.announcement;

import java.time.Instant;

/**
 * Changes to an announcement; null fields stay. A published one is announced again only when
 * {@code announceAgain} is set.
 */
public record AnnouncementEdit(String title, String body, Boolean pinned, Instant publishAt, Instant expiresAt, boolean announceAgain) {
}
