package dev.kelas.learning.announcement;

/** An announcement is a draft, waits for its {@code publishAt}, or is out. */
public enum AnnouncementStatus {
    DRAFT, SCHEDULED, PUBLISHED
}
