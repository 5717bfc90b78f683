package dev.kelas.lab.messaging;

import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.AssignmentPublished;
import dev.kelas.contracts.events.EnrollmentCreated;
import dev.kelas.lab.service.ProjectionService;
import dev.kelas.runtime.messaging.ConsumerSpec;
import dev.kelas.runtime.messaging.IncomingEvent;
import dev.kelas.runtime.messaging.JetStreamConsumers;
import dev.kelas.runtime.messaging.Reactive;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Keeps lab-service's copies of assignments and enrollments from learning-service's events. */
@ApplicationScoped
public class LearningEventListener {
    static final String ASSIGNMENTS = "lab-learning-assignments";
    static final String ENROLLMENTS = "lab-learning-enrollments";

    private final JetStreamConsumers consumers;
    private final ProjectionService projections;

    public LearningEventListener(JetStreamConsumers consumers, ProjectionService projections) {
        this.consumers = consumers;
        this.projections = projections;
    }

    void start(@Observes StartupEvent event) {
        consumers.start(ConsumerSpec.of(ASSIGNMENTS, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_ASSIGNMENT_PUBLISHED),
                this::onAssignmentPublished);
        consumers.start(ConsumerSpec.of(ENROLLMENTS, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_ENROLLMENT_CREATED),
                this::onEnrollmentCreated);
    }

    void onAssignmentPublished(IncomingEvent event) {
        AssignmentPublished published = event.data(AssignmentPublished.class);
        Reactive.await(() -> projections.applyAssignmentPublished(ASSIGNMENTS, event.id(), event.tenantId(), published));
    }

    void onEnrollmentCreated(IncomingEvent event) {
        EnrollmentCreated created = event.data(EnrollmentCreated.class);
        Reactive.await(() -> projections.applyEnrollmentCreated(ENROLLMENTS, event.id(), event.tenantId(), created));
    }
}
