package dev.kelas.notification.audience;

import dev.kelas.contracts.Role;
import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.AnnouncementPublished;
import dev.kelas.contracts.events.AssignmentPublished;
import dev.kelas.contracts.events.EnrollmentCreated;
import dev.kelas.notification.audience.ClassMember.ClassRole;
import dev.kelas.notification.config.NotificationConfig;
import dev.kelas.notification.inbox.DeliveryService;
import dev.kelas.notification.inbox.Drafts;
import dev.kelas.notification.push.Fanout;
import dev.kelas.runtime.messaging.ConsumerSpec;
import dev.kelas.runtime.messaging.IncomingEvent;
import dev.kelas.runtime.messaging.JetStreamConsumers;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * Keeps the class projections from learning-service's events and tells their audiences:
 * {@code kelas.learning.enrollment.created} (who is in a class), {@code kelas.learning.assignment.published}
 * (its students) and {@code kelas.learning.announcement.published} (a class, a role or the whole school).
 */
@ApplicationScoped
public class LearningEventListener {
    static final String ENROLLMENTS = "notification-learning-enrollments";
    static final String ASSIGNMENTS = "notification-learning-assignments";
    static final String ANNOUNCEMENTS = "notification-learning-announcements";

    private final JetStreamConsumers consumers;
    private final ProjectionService projections;
    private final DeliveryService delivery;
    private final Fanout fanout;
    private final NotificationConfig config;

    public LearningEventListener(JetStreamConsumers consumers, ProjectionService projections, DeliveryService delivery,
                                 Fanout fanout, NotificationConfig config) {
        this.consumers = consumers;
        this.projections = projections;
        this.delivery = delivery;
        this.fanout = fanout;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (!config.consumersEnabled()) {
            return;
        }
        consumers.start(ConsumerSpec.of(ENROLLMENTS, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_ENROLLMENT_CREATED),
                this::onEnrollmentCreated);
        consumers.start(ConsumerSpec.of(ASSIGNMENTS, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_ASSIGNMENT_PUBLISHED),
                this::onAssignmentPublished);
        consumers.start(ConsumerSpec.of(ANNOUNCEMENTS, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_ANNOUNCEMENT_PUBLISHED),
                this::onAnnouncementPublished);
    }

    void onEnrollmentCreated(IncomingEvent event) {
        EnrollmentCreated enrollment = event.data(EnrollmentCreated.class);
        fanout.deliver(() -> projections.applyEnrollment(ENROLLMENTS, event.id(), event.tenantId(),
                enrollment));
    }

    void onAssignmentPublished(IncomingEvent event) {
        AssignmentPublished published = event.data(AssignmentPublished.class);
        fanout.deliver(() -> projections.applyAssignmentPublished(ASSIGNMENTS, event.id(),
                event.tenantId(), published));
    }

    void onAnnouncementPublished(IncomingEvent event) {
        AnnouncementPublished announcement = event.data(AnnouncementPublished.class);
        Audience audience = audience(announcement);
        fanout.deliver(() -> delivery.deliverOnce(ANNOUNCEMENTS, event.id(), event.tenantId(), audience,
                Drafts.announcement(announcement.title(), announcement.body(), new Drafts.AnnouncementNotice(
                        announcement.announcementId(), announcement.classId(), announcement.authorId()))));
    }

    /**
     * The audience an announcement names.
     *
     * @throws IllegalArgumentException for an audience without its class or role, or an unknown one (dead-lettered)
     */
    static Audience audience(AnnouncementPublished announcement) {
        String kind = String.valueOf(announcement.audience());
        if (AnnouncementPublished.CLASS.equals(kind) && announcement.classId() != null) {
            return new Audience.ClassMembers(announcement.classId(), List.of(ClassRole.STUDENT, ClassRole.TEACHER),
                    announcement.occurredAt());
        }
        if (AnnouncementPublished.ROLE.equals(kind) && announcement.role() != null) {
            return new Audience.WithRole(announcement.role());
        }
        if (AnnouncementPublished.SCHOOL.equals(kind)) {
            return new Audience.WholeSchool();
        }
        throw new IllegalArgumentException("Announcement audience " + kind + " is not CLASS with a class, ROLE with a role"
                + " (one of " + List.of(Role.values()) + ") or SCHOOL");
    }
}
