package dev.kelas.notification.audience;

import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.AnnouncementPublished;
import dev.kelas.contracts.events.AssignmentDeleted;
import dev.kelas.contracts.events.AssignmentPublished;
import dev.kelas.contracts.events.AssignmentUpdated;
import dev.kelas.contracts.events.EnrollmentCreated;
import dev.kelas.notification.inbox.DeliveryService;
import dev.kelas.notification.inbox.Drafts;
import dev.kelas.notification.push.Fanout;
import dev.kelas.runtime.messaging.ConsumerSpec;
import dev.kelas.runtime.messaging.EventConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Keeps the class projections from learning-service's events and tells their audiences:
 * {@code kelas.learning.enrollment.created} (who is in a class), {@code kelas.learning.assignment.published}
 * (its students), {@code kelas.learning.assignment.updated}/{@code .deleted} (its reminder follows) and
 * {@code kelas.learning.announcement.published} (a class, a role or the whole school).
 */
@ApplicationScoped
public class LearningEventListener {
    static final String ENROLLMENTS = "notification-learning-enrollments";
    static final String ASSIGNMENTS = "notification-learning-assignments";
    static final String ANNOUNCEMENTS = "notification-learning-announcements";
    static final String ASSIGNMENTS_UPDATED = "notification-learning-assignments-updated";
    static final String ASSIGNMENTS_DELETED = "notification-learning-assignments-deleted";

    private final ProjectionService projections;
    private final DeliveryService delivery;

    public LearningEventListener(ProjectionService projections, DeliveryService delivery) {
        this.projections = projections;
        this.delivery = delivery;
    }

    @Produces
    @Singleton
    EventConsumer<EnrollmentCreated> enrollmentCreated(Fanout fanout) {
        return fanout.consumer(ConsumerSpec.of(ENROLLMENTS, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_ENROLLMENT_CREATED),
                EnrollmentCreated.class, (context, enrollment) -> projections.applyEnrollment(context.tenantId(), enrollment));
    }

    @Produces
    @Singleton
    EventConsumer<AssignmentPublished> assignmentPublished(Fanout fanout) {
        return fanout.consumer(ConsumerSpec.of(ASSIGNMENTS, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_ASSIGNMENT_PUBLISHED),
                AssignmentPublished.class, (context, published) -> projections.applyAssignmentPublished(context.eventId(),
                        context.tenantId(), published));
    }

    @Produces
    @Singleton
    EventConsumer<AssignmentUpdated> assignmentUpdated(Fanout fanout) {
        return fanout.consumer(ConsumerSpec.of(ASSIGNMENTS_UPDATED, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_ASSIGNMENT_UPDATED),
                AssignmentUpdated.class, (context, updated) -> projections.applyAssignmentUpdated(context.tenantId(), updated)
                        .replaceWith(DeliveryService.Delivered.NOTHING));
    }

    @Produces
    @Singleton
    EventConsumer<AssignmentDeleted> assignmentDeleted(Fanout fanout) {
        return fanout.consumer(ConsumerSpec.of(ASSIGNMENTS_DELETED, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_ASSIGNMENT_DELETED),
                AssignmentDeleted.class, (context, deleted) -> projections.applyAssignmentDeleted(context.tenantId(), deleted)
                        .replaceWith(DeliveryService.Delivered.NOTHING));
    }

    @Produces
    @Singleton
    EventConsumer<AnnouncementPublished> announcementPublished(Fanout fanout) {
        return fanout.consumer(ConsumerSpec.of(ANNOUNCEMENTS, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_ANNOUNCEMENT_PUBLISHED),
                AnnouncementPublished.class, (context, announcement) -> delivery.deliver(context.eventId(), context.tenantId(),
                        audience(announcement), Drafts.announcement(announcement.title(), announcement.body(),
                                new Drafts.AnnouncementNotice(announcement.announcementId(), announcement.classId(),
                                        announcement.authorId()))));
    }

    /**
     * The audience an announcement names.
     *
     * @throws IllegalArgumentException for an audience without its class or role, or an unknown one (dead-lettered)
     */
    static Audience audience(AnnouncementPublished announcement) {
        return Audience.named(announcement.audience(), announcement.classId(), announcement.role(), announcement.occurredAt());
    }
}
