package dev.kelas.notification.messaging;

import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.GradeRecorded;
import dev.kelas.contracts.events.SubmissionGraded;
import dev.kelas.notification.push.NotificationView;
import dev.kelas.notification.push.PushHub;
import dev.kelas.notification.service.NotificationService;
import dev.kelas.notification.service.NotificationService.NewNotification;
import dev.kelas.runtime.messaging.ConsumerSpec;
import dev.kelas.runtime.messaging.IncomingEvent;
import dev.kelas.runtime.messaging.JetStreamConsumers;
import dev.kelas.runtime.messaging.Reactive;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Tells students about their results: a graded code submission ({@code kelas.lab.submission.graded})
 * and a grade entering the gradebook ({@code kelas.learning.grade.recorded}). Stores the notification,
 * then pushes it live to the student's open streams on every replica.
 */
@ApplicationScoped
public class GradeEventListener {
    private static final Logger LOG = Logger.getLogger(GradeEventListener.class);
    static final String LAB_GRADES = "notification-lab-grades";
    static final String LEARNING_GRADES = "notification-learning-grades";

    private final JetStreamConsumers consumers;
    private final NotificationService notifications;
    private final PushHub push;

    public GradeEventListener(JetStreamConsumers consumers, NotificationService notifications, PushHub push) {
        this.consumers = consumers;
        this.notifications = notifications;
        this.push = push;
    }

    void start(@Observes StartupEvent event) {
        consumers.start(ConsumerSpec.of(LAB_GRADES, Subjects.Stream.KELAS_LAB, Subjects.LAB_SUBMISSION_GRADED),
                this::onSubmissionGraded);
        consumers.start(ConsumerSpec.of(LEARNING_GRADES, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_GRADE_RECORDED),
                this::onGradeRecorded);
    }

    void onSubmissionGraded(IncomingEvent event) {
        SubmissionGraded graded = event.data(SubmissionGraded.class);
        deliver(LAB_GRADES, event, new NewNotification(event.tenantId(), graded.studentId(), event.type(),
                "Your submission was graded",
                graded.verdict() + ": " + graded.score().stripTrailingZeros().toPlainString() + " of "
                        + graded.maxScore().stripTrailingZeros().toPlainString() + " points",
                graded));
    }

    void onGradeRecorded(IncomingEvent event) {
        GradeRecorded grade = event.data(GradeRecorded.class);
        deliver(LEARNING_GRADES, event, new NewNotification(event.tenantId(), grade.studentId(), event.type(),
                "New grade: " + grade.assignmentTitle(),
                grade.score().stripTrailingZeros().toPlainString() + " of "
                        + grade.maxScore().stripTrailingZeros().toPlainString() + " points",
                grade));
    }

    private void deliver(String consumer, IncomingEvent event, NewNotification draft) {
        NotificationView stored = Reactive.await(() -> notifications.notifyUser(consumer, event.id(), draft));
        if (stored == null) {
            return;
        }
        try {
            push.publish(stored);
        } catch (RuntimeException e) {
            // Stored already: the client gets it on its next reconnect with Last-Event-ID.
            LOG.warnf("Live push of notification %d failed: %s", stored.id(), e.getMessage());
        }
    }
}
