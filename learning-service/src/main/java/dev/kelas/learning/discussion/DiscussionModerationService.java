package dev.kelas.learning.discussion;

import dev.kelas.learning.common.ClassAccess;
import dev.kelas.runtime.problem.ForbiddenException;
import dev.kelas.runtime.problem.ValidationException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Class discussion, the moderating side: a post is removed (soft: its text hidden, the reason kept) by its author,
 * or by a teacher of the class or an administrator, who must say why; teachers and administrators pin and lock
 * threads.
 */
@ApplicationScoped
public class DiscussionModerationService {
    private final ClassAccess access;
    private final DiscussionService discussion;

    public DiscussionModerationService(ClassAccess access, DiscussionService discussion) {
        this.access = access;
        this.discussion = discussion;
    }

    /**
     * Removes a thread (soft): its author, or a teacher of the class or an administrator as moderator.
     *
     * @param reason why; required when a moderator removes someone else's thread
     * @throws ForbiddenException  when the caller is neither the author nor a moderator
     * @throws ValidationException when a moderator gives no reason
     */
    @WithTransaction
    public Uni<DiscussionThread> removeThread(Caller caller, UUID threadId, String reason) {
        return discussion.memberThread(caller, threadId).chain(thread -> checkMayRemove(caller, thread.classId, thread.authorId, reason)
                .map(ok -> {
                    if (!thread.removed()) {
                        thread.removedAt = Instant.now();
                        thread.removedBy = caller.userId();
                        thread.removalReason = blankToNull(reason);
                    }
                    return thread;
                }));
    }

    /**
     * Removes a reply (soft), as {@link #removeThread}.
     *
     * @throws ForbiddenException  when the caller is neither the author nor a moderator
     * @throws ValidationException when a moderator gives no reason
     */
    @WithTransaction
    public Uni<DiscussionReply> removeReply(Caller caller, UUID replyId, String reason) {
        return discussion.memberReply(caller, replyId).chain(reply -> DiscussionThread.findInTenant(DiscussionThread.class, caller.tenantId(),
                reply.threadId).chain(thread -> checkMayRemove(caller, thread.classId, reply.authorId, reason)).map(ok -> {
                    if (!reply.removed()) {
                        reply.removedAt = Instant.now();
                        reply.removedBy = caller.userId();
                        reply.removalReason = blankToNull(reason);
                    }
                    return reply;
                }));
    }

    /**
     * A teacher of the class or an administrator pins or locks a thread.
     *
     * @throws ForbiddenException when the caller does not teach the class
     */
    @WithTransaction
    public Uni<DiscussionThread> moderate(Caller caller, UUID threadId, Boolean pinned, Boolean locked) {
        return discussion.memberThread(caller, threadId).chain(thread -> access.managedClass(caller, thread.classId).map(c -> {
            if (pinned != null) {
                thread.pinned = pinned;
            }
            if (locked != null) {
                thread.locked = locked;
            }
            return thread;
        }));
    }

    private Uni<Boolean> checkMayRemove(Caller caller, UUID classId, UUID authorId, String reason) {
        if (authorId.equals(caller.userId())) {
            return Uni.createFrom().item(true);
        }
        return access.manages(caller, classId).map(moderator -> {
            if (!moderator) {
                throw new ForbiddenException("Only the author or a teacher of the class removes a post");
            }
            if (reason == null || reason.isBlank()) {
                throw new ValidationException("reason", "is required when a moderator removes a post");
            }
            return true;
        });
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
