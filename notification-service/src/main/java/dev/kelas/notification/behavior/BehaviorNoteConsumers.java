package dev.kelas.notification.behavior;

import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.BehaviorRecorded;
import dev.kelas.notification.audience.Audience;
import dev.kelas.notification.inbox.DeliveryService;
import dev.kelas.notification.inbox.DeliveryService.Delivered;
import dev.kelas.notification.inbox.Drafts;
import dev.kelas.notification.inbox.Drafts.BehaviorNotice;
import dev.kelas.notification.push.Fanout;
import dev.kelas.runtime.messaging.ConsumerSpec;
import dev.kelas.runtime.messaging.EventConsumer;
import dev.kelas.runtime.messaging.EventContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Tells a student about a behaviour note a teacher recorded on them ({@code kelas.learning.behavior.recorded}),
 * when the note is visible to the student; a staff-only note tells nobody.
 */
@ApplicationScoped
public class BehaviorNoteConsumers {
    static final String BEHAVIOR_NOTES = "notification-learning-behavior";

    private final DeliveryService delivery;

    public BehaviorNoteConsumers(DeliveryService delivery) {
        this.delivery = delivery;
    }

    @Produces
    @Singleton
    EventConsumer<BehaviorRecorded> behaviorRecorded(Fanout fanout) {
        return fanout.consumer(ConsumerSpec.of(BEHAVIOR_NOTES, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_BEHAVIOR_RECORDED),
                BehaviorRecorded.class, this::deliver);
    }

    /** The student's notification of a visible note; {@link Delivered#NOTHING} for a staff-only one. */
    Uni<Delivered> deliver(EventContext context, BehaviorRecorded note) {
        if (!note.visibleToStudent()) {
            return Uni.createFrom().item(Delivered.NOTHING);
        }
        BehaviorNotice notice = new BehaviorNotice(note.noteId(), note.classId(), note.kind(), note.category(), note.points(),
                note.date());
        return delivery.deliver(context.eventId(), context.tenantId(), new Audience.User(note.studentId()),
                Drafts.behaviorRecorded(notice, note.description()));
    }
}
