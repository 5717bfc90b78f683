package dev.kelas.notification.rest.dto;

/** @param unread the caller's unread notifications */
public record UnreadCountResponse(long unread) {
}
