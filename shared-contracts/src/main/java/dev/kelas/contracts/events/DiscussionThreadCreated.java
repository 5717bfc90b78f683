package dev.kelas.contracts.events;

import dev.kelas.contracts.KelasEvent;
import dev.kelas.contracts.Subjects;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A discussion thread was opened in a class. Subject {@code kelas.learning.discussion.thread-created};
 * notification-service tells the class's teachers.
 *
 * @param assignmentId the assignment the thread is about, or null for a class-wide thread
 * @param teacherIds   the class's teachers at that moment (homeroom and teaching assignments)
 */
public record DiscussionThreadCreated(UUID threadId, UUID classId, UUID assignmentId, UUID authorId, String title,
                                      List<UUID> teacherIds, Instant occurredAt) implements KelasEvent {

    @Override
    public String subject() {
        return Subjects.LEARNING_DISCUSSION_THREAD_CREATED;
    }

    @Override
    public String aggregateType() {
        return "thread";
    }

    @Override
    public UUID aggregateId() {
        return threadId;
    }
}
