package dev.kelas.notification.push;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/**
 * A live update for one user that is not stored and has no number: it is sent to the user's open
 * connections if they are live, and otherwise lost (a client that reconnects reads the current state over
 * REST). Kelas sends one to each member of a class when a discussion thread of the class gets a thread
 * or a reply, so a page showing the thread can refresh.
 *
 * @param type the event name clients see, e.g. {@code kelas.learning.discussion.reply-posted}
 * @param data what the client gets as the event's JSON data
 */
public record LiveUpdate(UUID tenantId, UUID userId, String type, JsonNode data) {
}
