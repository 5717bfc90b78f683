package dev.kelas.notification.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.UUID;

/**
 * A notification as clients receive it, in the inbox list, on SSE and on the push subject.
 *
 * @param id   the notification's id
 * @param seq  1, 2, 3, ... per user in commit order; the SSE event id
 * @param type the CloudEvents type, which is the SSE event name
 * @param data the event's data
 */
public record NotificationView(long id, long seq, UUID tenantId, UUID userId, String type, String title, String body,
                               JsonNode data, Instant createdAt, boolean read) {

    /** Maps a stored notification, parsing its data JSON. */
    public static NotificationView of(Notification n, ObjectMapper json) {
        JsonNode data;
        try {
            data = json.readTree(n.data);
        } catch (Exception e) {
            data = json.nullNode();
        }
        return new NotificationView(n.id, n.seq, n.tenantId, n.userId, n.type, n.title, n.body, data, n.createdAt, n.readAt != null);
    }
}
