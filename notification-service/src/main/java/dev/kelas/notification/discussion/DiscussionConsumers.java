package dev.kelas.notification.discussion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.DiscussionReplyPosted;
import dev.kelas.contracts.events.DiscussionThreadCreated;
import dev.kelas.notification.audience.Audience;
import dev.kelas.notification.audience.ClassMember;
import dev.kelas.notification.audience.ClassMember.ClassRole;
import dev.kelas.notification.audience.UserAccount;
import dev.kelas.notification.inbox.DeliveryService;
import dev.kelas.notification.inbox.DeliveryService.Delivered;
import dev.kelas.notification.inbox.Drafts;
import dev.kelas.notification.inbox.Drafts.ReplyNotice;
import dev.kelas.notification.inbox.Drafts.ThreadNotice;
import dev.kelas.notification.push.Fanout;
import dev.kelas.notification.push.LiveUpdate;
import dev.kelas.runtime.messaging.ConsumerSpec;
import dev.kelas.runtime.messaging.EventConsumer;
import dev.kelas.runtime.messaging.EventContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Class discussion in the inbox and live. A new thread ({@code kelas.learning.discussion.thread-created})
 * is stored for the class's teachers; a reply ({@code kelas.learning.discussion.reply-posted}) for the
 * thread's earlier participants and the class's teachers, never for its poster. Both also send an unstored
 * {@link LiveUpdate} of the same type to every member of the class (and everyone the event names), so a
 * page that shows the class's threads or that thread refreshes at once; only members can read the thread,
 * so nobody learns of activity they could not see.
 */
@ApplicationScoped
public class DiscussionConsumers {
    static final String THREADS = "notification-learning-discussion-threads";
    static final String REPLIES = "notification-learning-discussion-replies";

    private final DeliveryService delivery;
    private final ObjectMapper json;

    public DiscussionConsumers(DeliveryService delivery, ObjectMapper json) {
        this.delivery = delivery;
        this.json = json;
    }

    @Produces
    @Singleton
    EventConsumer<DiscussionThreadCreated> threadCreated(Fanout fanout) {
        return fanout.consumer(ConsumerSpec.of(THREADS, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_DISCUSSION_THREAD_CREATED),
                DiscussionThreadCreated.class, this::deliverThread);
    }

    @Produces
    @Singleton
    EventConsumer<DiscussionReplyPosted> replyPosted(Fanout fanout) {
        return fanout.consumer(ConsumerSpec.of(REPLIES, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_DISCUSSION_REPLY_POSTED),
                DiscussionReplyPosted.class, this::deliverReply);
    }

    /** The teachers' notifications of a new thread, and the class's live updates. */
    Uni<Delivered> deliverThread(EventContext context, DiscussionThreadCreated thread) {
        ThreadNotice notice = new ThreadNotice(thread.threadId(), thread.classId(), thread.assignmentId(), thread.authorId(),
                thread.title());
        List<UUID> teachers = without(thread.teacherIds(), thread.authorId());
        return UserAccount.nameOf(context.tenantId(), thread.authorId())
                .chain(author -> delivery.deliver(context.eventId(), context.tenantId(), new Audience.Users(teachers),
                        Drafts.threadCreated(notice, author)))
                .chain(delivered -> liveUpdates(context, thread.classId(), thread.occurredAt(), notice,
                        union(thread.teacherIds(), List.of(thread.authorId()))).map(delivered::withLiveUpdates));
    }

    /** The participants' and teachers' notifications of a reply, and the class's live updates. */
    Uni<Delivered> deliverReply(EventContext context, DiscussionReplyPosted reply) {
        ReplyNotice notice = new ReplyNotice(reply.replyId(), reply.threadId(), reply.classId(), reply.authorId(),
                reply.parentReplyId(), reply.threadTitle());
        List<UUID> told = without(union(reply.participantIds(), reply.teacherIds()), reply.authorId());
        return UserAccount.nameOf(context.tenantId(), reply.authorId())
                .chain(author -> delivery.deliver(context.eventId(), context.tenantId(), new Audience.Users(told),
                        Drafts.replyPosted(notice, author)))
                .chain(delivered -> liveUpdates(context, reply.classId(), reply.occurredAt(), notice,
                        union(told, List.of(reply.authorId()))).map(delivered::withLiveUpdates));
    }

    /** One live update per member of the class (as this service knows them) and per user named besides. */
    private Uni<List<LiveUpdate>> liveUpdates(EventContext context, UUID classId, Instant at, Object notice, List<UUID> named) {
        JsonNode data = json.valueToTree(notice);
        return ClassMember.ids(context.tenantId(), classId, List.of(ClassRole.STUDENT, ClassRole.TEACHER), at)
                .map(members -> union(members, named).stream()
                        .map(user -> new LiveUpdate(context.tenantId(), user, context.type(), data)).toList());
    }

    private static List<UUID> union(List<UUID> first, List<UUID> second) {
        Set<UUID> all = new LinkedHashSet<>();
        if (first != null) {
            first.stream().filter(java.util.Objects::nonNull).forEach(all::add);
        }
        if (second != null) {
            second.stream().filter(java.util.Objects::nonNull).forEach(all::add);
        }
        return new ArrayList<>(all);
    }

    private static List<UUID> without(List<UUID> users, UUID excluded) {
        return users == null ? List.of() : users.stream().filter(u -> u != null && !u.equals(excluded)).distinct().toList();
    }
}
