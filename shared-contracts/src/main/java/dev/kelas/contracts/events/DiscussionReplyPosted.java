package dev.kelas.contracts.events;

import dev.kelas.contracts.KelasEvent;
import dev.kelas.contracts.Subjects;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A reply was posted in a discussion thread. Subject {@code kelas.learning.discussion.reply-posted};
 * notification-service tells the participants and the class's teachers, and pushes a live update to
 * whoever views the thread.
 *
 * @param parentReplyId the reply it answers (replies nest one level), or null for a reply to the thread
 * @param participantIds the thread's author and earlier repliers, without the poster
 * @param teacherIds     the class's teachers, without the poster
 */
public record DiscussionReplyPosted(UUID replyId, UUID threadId, UUID classId, UUID authorId, UUID parentReplyId, String threadTitle,
                                    List<UUID> participantIds, List<UUID> teacherIds, Instant occurredAt) implements KelasEvent {

    @Override
    public String subject() {
        return Subjects.LEARNING_DISCUSSION_REPLY_POSTED;
    }

    @Override
    public String aggregateType() {
        return "reply";
    }

    @Override
    public UUID aggregateId() {
        return replyId;
    }
}
