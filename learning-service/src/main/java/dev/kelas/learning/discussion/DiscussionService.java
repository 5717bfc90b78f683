package dev.kelas.learning.discussion;

import dev.kelas.contracts.events.DiscussionReplyPosted;
import dev.kelas.contracts.events.DiscussionThreadCreated;
import dev.kelas.runtime.web.MarkdownRenderer;
import dev.kelas.learning.config.LearningConfig;
import dev.kelas.learning.assignment.Assignment;
import dev.kelas.learning.enrollment.SchoolClass;
import dev.kelas.learning.enrollment.TeachingAssignment;
import dev.kelas.learning.common.ClassAccess;
import dev.kelas.runtime.outbox.Outbox;
import dev.kelas.runtime.problem.ConflictException;
import dev.kelas.runtime.problem.ForbiddenException;
import dev.kelas.runtime.problem.NotFoundException;
import dev.kelas.runtime.problem.TooManyRequestsException;
import dev.kelas.runtime.problem.ValidationException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Class discussion, the writing side: members of a class (its teachers and enrolled students) open
 * threads and reply; replies nest one level. Authors edit within {@code kelas.learning.discussion.edit-window}
 * and remove their own posts ({@link DiscussionModerationService}, where the class's teachers and administrators
 * also remove any post and pin and lock threads); a locked thread takes no replies. Each user may post
 * {@code posts-per-minute} threads and replies a minute. New threads and replies go out as events so
 * notification-service can tell the participants and teachers.
 */
@ApplicationScoped
public class DiscussionService {
    /** Longest title, in characters. */
    public static final int MAX_TITLE = 200;
    /** Longest body, in characters of Markdown. */
    public static final int MAX_BODY = 20_000;

    private final ClassAccess access;
    private final Outbox outbox;
    private final MarkdownRenderer markdown;
    private final LearningConfig.Discussion config;

    public DiscussionService(ClassAccess access, Outbox outbox, MarkdownRenderer markdown, LearningConfig config) {
        this.access = access;
        this.outbox = outbox;
        this.markdown = markdown;
        this.config = config.discussion();
    }

    /**
     * Opens a thread in a class.
     *
     * @param assignmentId an assignment of the class the thread is about, or null
     * @throws ForbiddenException       when the caller is not a member of the class
     * @throws ValidationException      for a blank or too long title or body, or an assignment of another class
     * @throws TooManyRequestsException past the posting limit
     */
    @WithTransaction
    public Uni<DiscussionThread> createThread(Caller caller, UUID classId, String title, String body, UUID assignmentId) {
        Instant now = Instant.now();
        DiscussionThread thread = new DiscussionThread();
        thread.id = UUID.randomUUID();
        thread.tenantId = caller.tenantId();
        thread.classId = classId;
        thread.assignmentId = assignmentId;
        thread.authorId = caller.userId();
        thread.title = text("title", title, MAX_TITLE).strip();
        thread.body = text("body", body, MAX_BODY);
        thread.bodyHtml = markdown.toSafeHtml(thread.body);
        thread.createdAt = now;
        thread.lastActivityAt = now;
        return access.readableClass(caller, classId)
                .call(c -> assignmentId == null ? Uni.createFrom().voidItem()
                        : Assignment.findInTenant(caller.tenantId(), assignmentId).invoke(a -> {
                            if (a == null || !a.classId.equals(classId)) {
                                throw new ValidationException("assignmentId", "is not an assignment of this class");
                            }
                        }).replaceWithVoid())
                .call(c -> checkRate(caller, now))
                .chain(schoolClass -> thread.<DiscussionThread>persist()
                        .call(saved -> teachersOf(schoolClass).chain(teachers -> outbox.record(thread.tenantId,
                                new DiscussionThreadCreated(thread.id, classId, assignmentId, thread.authorId, thread.title,
                                        without(teachers, thread.authorId), now)))));
    }

    /**
     * Replies in a thread. Answering a nested reply puts the new one under the same parent, quoting it.
     *
     * @param replyTo the reply answered, or null to answer the thread
     * @throws NotFoundException        when the thread, or the reply answered, is not in it or not visible
     * @throws ConflictException        when the thread is locked or removed
     * @throws TooManyRequestsException past the posting limit
     */
    @WithTransaction
    public Uni<DiscussionReply> reply(Caller caller, UUID threadId, String body, UUID replyTo) {
        Instant now = Instant.now();
        String text = text("body", body, MAX_BODY);
        return memberThread(caller, threadId).chain(thread -> {
            if (thread.removed()) {
                throw new ConflictException("This thread was removed");
            }
            if (thread.locked) {
                throw new ConflictException("This thread is locked: it takes no replies");
            }
            Uni<DiscussionReply> answered = replyTo == null ? Uni.createFrom().nullItem()
                    : DiscussionReply.findInTenant(DiscussionReply.class, caller.tenantId(), replyTo).map(r -> {
                        if (r == null || !r.threadId.equals(threadId)) {
                            throw new NotFoundException("reply", replyTo);
                        }
                        return r;
                    });
            return checkRate(caller, now).chain(() -> answered).chain(parent -> {
                DiscussionReply reply = new DiscussionReply();
                reply.id = UUID.randomUUID();
                reply.tenantId = caller.tenantId();
                reply.threadId = threadId;
                reply.parentId = parent == null ? null : parent.parentId == null ? parent.id : parent.parentId;
                reply.quotedReplyId = parent != null && parent.parentId != null ? parent.id : null;
                reply.authorId = caller.userId();
                reply.body = text;
                reply.bodyHtml = markdown.toSafeHtml(text);
                reply.createdAt = now;
                thread.replyCount++;
                thread.lastActivityAt = now;
                return DiscussionReply.authorsOf(threadId).chain(repliers -> reply.<DiscussionReply>persist()
                        .call(saved -> SchoolClass.findInTenant(caller.tenantId(), thread.classId).chain(this::teachersOf)
                                .chain(teachers -> {
                                    Set<UUID> participants = new LinkedHashSet<>();
                                    participants.add(thread.authorId);
                                    participants.addAll(repliers);
                                    return outbox.record(thread.tenantId, new DiscussionReplyPosted(reply.id, threadId, thread.classId,
                                            reply.authorId, reply.parentId, thread.title, without(List.copyOf(participants), reply.authorId),
                                            without(teachers, reply.authorId), now));
                                })));
            });
        });
    }

    /**
     * The author edits a thread's title or body within the edit window.
     *
     * @throws ForbiddenException when the caller is not its author
     * @throws ConflictException  when the window has passed or the thread was removed
     */
    @WithTransaction
    public Uni<DiscussionThread> editThread(Caller caller, UUID threadId, String title, String body) {
        return memberThread(caller, threadId).map(thread -> {
            checkEditable(caller, thread.authorId, thread.createdAt, thread.removed());
            if (title != null) {
                thread.title = text("title", title, MAX_TITLE).strip();
            }
            if (body != null) {
                thread.body = text("body", body, MAX_BODY);
                thread.bodyHtml = markdown.toSafeHtml(thread.body);
            }
            thread.editedAt = Instant.now();
            return thread;
        });
    }

    /**
     * The author edits a reply within the edit window.
     *
     * @throws ForbiddenException when the caller is not its author
     * @throws ConflictException  when the window has passed or the reply was removed
     */
    @WithTransaction
    public Uni<DiscussionReply> editReply(Caller caller, UUID replyId, String body) {
        return memberReply(caller, replyId).map(reply -> {
            checkEditable(caller, reply.authorId, reply.createdAt, reply.removed());
            reply.body = text("body", body, MAX_BODY);
            reply.bodyHtml = markdown.toSafeHtml(reply.body);
            reply.editedAt = Instant.now();
            return reply;
        });
    }

    /**
     * Marks a thread read for the caller up to now.
     *
     * @throws NotFoundException when the thread is not visible to the caller
     */
    @WithTransaction
    public Uni<Void> markRead(Caller caller, UUID threadId) {
        return memberThread(caller, threadId).chain(thread -> DiscussionRead.mark(thread.id, caller.userId(), Instant.now()))
                .replaceWithVoid();
    }

    /** The thread if the caller is a member of its class; another school's or an unknown id is not found. */
    Uni<DiscussionThread> memberThread(Caller caller, UUID threadId) {
        return DiscussionThread.findInTenant(DiscussionThread.class, caller.tenantId(), threadId).chain(thread -> {
            if (thread == null) {
                throw new NotFoundException("thread", threadId);
            }
            return access.readableClass(caller, thread.classId).replaceWith(thread);
        });
    }

    /** The reply if the caller is a member of its thread's class; another school's or an unknown id is not found. */
    Uni<DiscussionReply> memberReply(Caller caller, UUID replyId) {
        return DiscussionReply.findInTenant(DiscussionReply.class, caller.tenantId(), replyId).chain(reply -> {
            if (reply == null) {
                throw new NotFoundException("reply", replyId);
            }
            return memberThread(caller, reply.threadId).replaceWith(reply);
        });
    }

    private Uni<Void> checkRate(Caller caller, Instant now) {
        return DiscussionReply.postsSince(caller.tenantId(), caller.userId(), now.minusSeconds(60)).invoke(posts -> {
            if (posts >= config.postsPerMinute()) {
                throw new TooManyRequestsException("At most " + config.postsPerMinute() + " posts a minute; wait a little", 60);
            }
        }).replaceWithVoid();
    }

    private void checkEditable(Caller caller, UUID authorId, Instant createdAt, boolean removed) {
        if (!authorId.equals(caller.userId())) {
            throw new ForbiddenException("Only the author edits a post");
        }
        if (removed) {
            throw new ConflictException("This post was removed");
        }
        Duration window = config.editWindow();
        if (Instant.now().isAfter(createdAt.plus(window))) {
            throw new ConflictException("Posts can be edited for " + window.toMinutes() + " minutes after posting");
        }
    }

    private Uni<List<UUID>> teachersOf(SchoolClass schoolClass) {
        return TeachingAssignment.listForClass(schoolClass.id).map(assignments -> {
            Set<UUID> teachers = new LinkedHashSet<>();
            teachers.add(schoolClass.teacherId);
            assignments.forEach(a -> teachers.add(a.teacherId));
            return List.copyOf(teachers);
        });
    }

    private static List<UUID> without(List<UUID> ids, UUID excluded) {
        return ids.stream().filter(id -> !id.equals(excluded)).distinct().toList();
    }

    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, "must not be blank");
        }
        if (value.length() > max) {
            throw new ValidationException(field, "must be at most " + max + " characters");
        }
        return value;
    }
}
