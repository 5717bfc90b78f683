package dev.kelas.notification.push;

import dev.kelas.notification.inbox.NotificationView;
import java.util.List;
import java.util.UUID;

/** How a {@link UserConnection} reads a user's notifications numbered after {@code afterSeq} and below {@code beforeSeq}, oldest first (to fill a gap). */
@FunctionalInterface
public interface GapLoader {
    List<NotificationView> load(UUID tenantId, UUID userId, long afterSeq, long beforeSeq);
}
