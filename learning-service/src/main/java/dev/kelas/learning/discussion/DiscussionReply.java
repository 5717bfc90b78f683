package dev.kelas.learning.discussion;

import dev.kelas.runtime.persistence.TenantEntity;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A reply in a thread. Replies nest one level: a reply to a top-level reply hangs under it; a reply to
 * a nested reply hangs under the same parent and quotes the one it answers.
 */
@Entity
public class DiscussionReply extends TenantEntity {
    public UUID threadId;
    /** The top-level reply it hangs under, or null for a top-level reply. */
    public UUID parentId;
    /** The nested reply it answers and quotes, or null. */
    public UUID quotedReplyId;
    public UUID authorId;
    public String body;
    public String bodyHtml;
    public Instant createdAt;
    public Instant editedAt;
    public Instant removedAt;
    public UUID removedBy;
    public String removalReason;

    /** Whether it was removed by its author or a moderator. */
    public boolean removed() {
        return removedAt != null;
    }

    /** A thread's replies, oldest first. */
    public static Uni<List<DiscussionReply>> listForThread(UUID threadId) {
        return list("threadId = ?1 order by createdAt, id", threadId);
    }

    /** The distinct authors of a thread's replies. */
    public static Uni<List<UUID>> authorsOf(UUID threadId) {
        return find("select distinct r.authorId from DiscussionReply r where r.threadId = ?1", threadId).project(UUID.class).list();
    }

    /** How many threads and replies a user posted since a moment (the posting rate limit). */
    public static Uni<Long> postsSince(UUID tenantId, UUID authorId, Instant since) {
        return count("tenantId = ?1 and authorId = ?2 and createdAt > ?3", tenantId, authorId, since)
                .chain(replies -> DiscussionThread.count("tenantId = ?1 and authorId = ?2 and createdAt > ?3", tenantId, authorId, since)
                        .map(threads -> replies + threads));
    }
}
