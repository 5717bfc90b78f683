package dev.kelas.learning.discussion;

import dev.kelas.runtime.persistence.TenantEntity;
import jakarta.persistence.Entity;
import java.time.Instant;
import java.util.UUID;

/**
 * A discussion thread of a class, optionally about one of its assignments. Teachers pin and lock it; a
 * locked thread takes no replies; a removed one keeps its row with who removed it and why.
 */
@Entity
public class DiscussionThread extends TenantEntity {
    public UUID classId;
    public UUID assignmentId;
    public UUID authorId;
    public String title;
    /** Markdown as written. */
    public String body;
    public String bodyHtml;
    public boolean pinned;
    public boolean locked;
    public int replyCount;
    public Instant createdAt;
    public Instant editedAt;
    /** The thread's or its newest reply's time: the list's order. */
    public Instant lastActivityAt;
    public Instant removedAt;
    public UUID removedBy;
    public String removalReason;

    /** Whether it was removed by its author or a moderator. */
    public boolean removed() {
        return removedAt != null;
    }
}
