package dev.kelas.learning.discussion.dto;

import dev.kelas.learning.discussion.DiscussionThread;
import java.time.Instant;
import java.util.UUID;

/**
 * A thread. A removed one has no title text or body ({@code removed} true, with the moderator's reason);
 * {@code unreadReplies} counts the caller's unread replies where a list computes it.
 */
public record ThreadResponse(UUID id, UUID classId, UUID assignmentId, UUID authorId, String title, String body, String bodyHtml,
                             boolean pinned, boolean locked, int replyCount, Long unreadReplies, Instant createdAt, Instant editedAt,
                             Instant lastActivityAt, boolean removed, String removalReason) {
    public static ThreadResponse of(DiscussionThread t, Long unread) {
        boolean removed = t.removed();
        return new ThreadResponse(t.id, t.classId, t.assignmentId, t.authorId, removed ? null : t.title, removed ? null : t.body,
                removed ? null : t.bodyHtml, t.pinned, t.locked, t.replyCount, unread, t.createdAt, t.editedAt, t.lastActivityAt, removed,
                t.removalReason);
    }
}
