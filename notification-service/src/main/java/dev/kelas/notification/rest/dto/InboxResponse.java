package dev.kelas.notification.rest.dto;

import dev.kelas.notification.push.NotificationView;
import java.util.List;

/**
 * One page of the caller's notifications, newest first.
 *
 * @param page  0-based page number
 * @param total notifications the caller has in all
 */
public record InboxResponse(List<NotificationView> items, int page, int size, long total) {
}
