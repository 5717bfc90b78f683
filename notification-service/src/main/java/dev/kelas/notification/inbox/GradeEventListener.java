package dev.kelas.notification.inbox;

import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.GradeRecorded;
import dev.kelas.contracts.events.GradeReleased;
import dev.kelas.contracts.events.SubmissionGraded;
import dev.kelas.notification.audience.Audience;
import dev.kelas.notification.push.Fanout;
import dev.kelas.runtime.messaging.ConsumerSpec;
import dev.kelas.runtime.messaging.EventConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Tells students about their results: a graded code submission ({@code kelas.lab.submission.graded}),
 * a grade entering the gradebook ({@code kelas.learning.grade.recorded}) and hidden grades being released
 * ({@code kelas.learning.grade.released}). Each is a declared consumer: the notification is stored with the
 * inbox mark, then pushed live to the student's open connections on every replica.
 */
@ApplicationScoped
public class GradeEventListener {
    static final String LAB_GRADES = "notification-lab-grades";
    static final String LEARNING_GRADES = "notification-learning-grades";
    static final String RELEASED_GRADES = "notification-released-grades";

    private final DeliveryService delivery;

    public GradeEventListener(DeliveryService delivery) {
        this.delivery = delivery;
    }

    @Produces
    @Singleton
    EventConsumer<SubmissionGraded> submissionGraded(Fanout fanout) {
        return fanout.consumer(ConsumerSpec.of(LAB_GRADES, Subjects.Stream.KELAS_LAB, Subjects.LAB_SUBMISSION_GRADED),
                SubmissionGraded.class, (context, graded) -> delivery.deliver(context.eventId(), context.tenantId(),
                        new Audience.User(graded.studentId()), Drafts.submissionGraded(graded)));
    }

    @Produces
    @Singleton
    EventConsumer<GradeRecorded> gradeRecorded(Fanout fanout) {
        return fanout.consumer(ConsumerSpec.of(LEARNING_GRADES, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_GRADE_RECORDED),
                GradeRecorded.class, (context, grade) -> delivery.deliver(context.eventId(), context.tenantId(),
                        new Audience.User(grade.studentId()), Drafts.gradeRecorded(grade)));
    }

    @Produces
    @Singleton
    EventConsumer<GradeReleased> gradeReleased(Fanout fanout) {
        return fanout.consumer(ConsumerSpec.of(RELEASED_GRADES, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_GRADE_RELEASED),
                GradeReleased.class, (context, grade) -> delivery.deliver(context.eventId(), context.tenantId(),
                        new Audience.User(grade.studentId()), Drafts.gradeReleased(grade)));
    }
}
