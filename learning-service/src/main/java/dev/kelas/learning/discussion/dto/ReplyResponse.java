package dev.kelas.learning.discussion.dto;

import dev.kelas.learning.discussion.DiscussionReply;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A reply with its nested replies (one level); a removed one has no body. */
public record ReplyResponse(UUID id, UUID parentId, UUID quotedReplyId, UUID authorId, String body, String bodyHtml, Instant createdAt,
                            Instant editedAt, boolean removed, String removalReason, List<ReplyResponse> replies) {
    public static ReplyResponse of(DiscussionReply r, List<ReplyResponse> nested) {
        boolean removed = r.removed();
        return new ReplyResponse(r.id, r.parentId, r.quotedReplyId, r.authorId, removed ? null : r.body, removed ? null : r.bodyHtml,
                r.createdAt, r.editedAt, removed, r.removalReason, nested);
    }
}
