package dev.kelas.notification.inbox;

import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.GradeRecorded;
import dev.kelas.contracts.events.GradeReleased;
import dev.kelas.contracts.events.SubmissionGraded;
import dev.kelas.notification.audience.Audience;
import dev.kelas.notification.config.NotificationConfig;
import dev.kelas.notification.push.Fanout;
import dev.kelas.runtime.messaging.ConsumerSpec;
import dev.kelas.runtime.messaging.IncomingEvent;
import dev.kelas.runtime.messaging.JetStreamConsumers;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Tells students about their results: a graded code submission ({@code kelas.lab.submission.graded})
 * a grade entering the gradebook ({@code kelas.learning.grade.recorded}) and hidden grades being released
 * ({@code kelas.learning.grade.released}). Stores the notification,
 * then pushes it live to the student's open connections on every replica.
 */
@ApplicationScoped
public class GradeEventListener {
    static final String LAB_GRADES = "notification-lab-grades";
    static final String LEARNING_GRADES = "notification-learning-grades";
    static final String RELEASED_GRADES = "notification-released-grades";

    private final JetStreamConsumers consumers;
    private final DeliveryService delivery;
    private final Fanout fanout;
    private final NotificationConfig config;

    public GradeEventListener(JetStreamConsumers consumers, DeliveryService delivery, Fanout fanout, NotificationConfig config) {
        this.consumers = consumers;
        this.delivery = delivery;
        this.fanout = fanout;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (!config.consumersEnabled()) {
            return;
        }
        consumers.start(ConsumerSpec.of(LAB_GRADES, Subjects.Stream.KELAS_LAB, Subjects.LAB_SUBMISSION_GRADED),
                this::onSubmissionGraded);
        consumers.start(ConsumerSpec.of(LEARNING_GRADES, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_GRADE_RECORDED),
                this::onGradeRecorded);
        consumers.start(ConsumerSpec.of(RELEASED_GRADES, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_GRADE_RELEASED),
                this::onGradeReleased);
    }

    void onSubmissionGraded(IncomingEvent event) {
        SubmissionGraded graded = event.data(SubmissionGraded.class);
        fanout.deliver(() -> delivery.deliverOnce(LAB_GRADES, event.id(), event.tenantId(),
                new Audience.User(graded.studentId()), Drafts.submissionGraded(graded)));
    }

    void onGradeReleased(IncomingEvent event) {
        GradeReleased grade = event.data(GradeReleased.class);
        fanout.deliver(() -> delivery.deliverOnce(RELEASED_GRADES, event.id(), event.tenantId(),
                new Audience.User(grade.studentId()), Drafts.gradeReleased(grade)));
    }

    void onGradeRecorded(IncomingEvent event) {
        GradeRecorded grade = event.data(GradeRecorded.class);
        fanout.deliver(() -> delivery.deliverOnce(LEARNING_GRADES, event.id(), event.tenantId(),
                new Audience.User(grade.studentId()), Drafts.gradeRecorded(grade)));
    }
}
