package dev.kelas.notification.inbox.dto;

import dev.kelas.notification.inbox.NotificationView;
import java.util.List;

/**
 * One page of the caller's notifications, newest first.
 *
 * @param nextCursor pass as {@code before} to get the next (older) page; null on the last page
 * @param total      notifications the caller has in all
 * @param unread     how many of them are unread
 */
public record InboxResponse(List<NotificationView> items, String nextCursor, long total, long unread) {
}
