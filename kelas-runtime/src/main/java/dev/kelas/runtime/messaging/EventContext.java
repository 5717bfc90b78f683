package dev.kelas.runtime.messaging;

import java.util.UUID;

/**
 * What a declared handler knows about the event it applies, besides its payload.
 *
 * @param consumer the durable consumer that delivered it (also its inbox key)
 * @param eventId  the CloudEvents id (the inbox records it)
 * @param tenantId the school the event belongs to
 * @param type     the subject it was published on
 * @param event    the whole delivery, for handlers that read more than one payload type
 */
public record EventContext(String consumer, UUID eventId, UUID tenantId, String type, IncomingEvent event) {
}
