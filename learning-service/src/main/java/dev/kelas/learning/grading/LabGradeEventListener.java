package dev.kelas.learning.grading;

import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.SubmissionGraded;
import dev.kelas.runtime.messaging.ConsumerSpec;
import dev.kelas.runtime.messaging.IncomingEvent;
import dev.kelas.runtime.messaging.JetStreamConsumers;
import dev.kelas.runtime.messaging.Reactive;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Puts graders' results ({@code kelas.lab.submission.graded}) into the class gradebook. */
@ApplicationScoped
public class LabGradeEventListener {
    static final String CONSUMER = "learning-lab-grades";

    private final JetStreamConsumers consumers;
    private final GradingService grading;

    public LabGradeEventListener(JetStreamConsumers consumers, GradingService grading) {
        this.consumers = consumers;
        this.grading = grading;
    }

    void start(@Observes StartupEvent event) {
        consumers.start(ConsumerSpec.of(CONSUMER, Subjects.Stream.KELAS_LAB, Subjects.LAB_SUBMISSION_GRADED), this::onSubmissionGraded);
    }

    void onSubmissionGraded(IncomingEvent event) {
        SubmissionGraded graded = event.data(SubmissionGraded.class);
        Reactive.await(() -> grading.recordLabGrade(CONSUMER, event.id(), event.tenantId(), graded));
    }
}
