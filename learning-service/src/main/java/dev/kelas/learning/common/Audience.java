package dev.kelas.learning.common;

/**
 * Who a calendar event or an announcement is for: the whole school, every user of a role, or one class's
 * students and teachers (the same names as {@code AnnouncementPublished}'s audiences).
 */
public enum Audience {
    SCHOOL, ROLE, CLASS
}
