package dev.kelas.notification.inbox.dto;

/** @param unread the caller's unread notifications */
public record UnreadCountResponse(long unread) {
}
