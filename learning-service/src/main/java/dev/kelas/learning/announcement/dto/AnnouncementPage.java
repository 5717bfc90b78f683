package dev.kelas.learning.announcement.dto;

import java.util.List;

/** A page of the reader's announcements (pinned first, newest next), with the total and the unread count. */
public record AnnouncementPage(List<AnnouncementResponse> items, int page, int size, long total, long unread) {
}
