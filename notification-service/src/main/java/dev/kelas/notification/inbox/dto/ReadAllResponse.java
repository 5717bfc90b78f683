package dev.kelas.notification.inbox.dto;

/** @param updated how many notifications were unread and are now read */
public record ReadAllResponse(int updated) {
}
