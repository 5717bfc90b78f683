package dev.kelas.lab.enrollment;

import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.AssignmentPublished;
import dev.kelas.contracts.events.EnrollmentCreated;
import dev.kelas.contracts.events.EnrollmentTransferred;
import dev.kelas.contracts.events.EnrollmentWithdrawn;
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
    /**
     * One consumer for every enrollment event, so a withdrawal and a later re-enrollment apply in stream order.
     * (It replaced {@code lab-learning-enrollments}, which took only {@code .created}.)
     */
    static final String ENROLLMENTS = "lab-learning-enrollment-changes";

    private final JetStreamConsumers consumers;
    private final ProjectionService projections;

    public LearningEventListener(JetStreamConsumers consumers, ProjectionService projections) {
        this.consumers = consumers;
        this.projections = projections;
    }

    void start(@Observes StartupEvent event) {
        consumers.start(ConsumerSpec.of(ASSIGNMENTS, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_ASSIGNMENT_PUBLISHED),
                this::onAssignmentPublished);
        consumers.start(ConsumerSpec.of(ENROLLMENTS, Subjects.Stream.KELAS_LEARNING, "kelas.learning.enrollment.>"),
                this::onEnrollmentChanged);
    }

    void onAssignmentPublished(IncomingEvent event) {
        AssignmentPublished published = event.data(AssignmentPublished.class);
        Reactive.await(() -> projections.applyAssignmentPublished(ASSIGNMENTS, event.id(), event.tenantId(), published));
    }

    void onEnrollmentChanged(IncomingEvent event) {
        switch (event.type()) {
            case Subjects.LEARNING_ENROLLMENT_CREATED -> {
                EnrollmentCreated created = event.data(EnrollmentCreated.class);
                Reactive.await(() -> projections.applyEnrollmentCreated(ENROLLMENTS, event.id(), event.tenantId(), created));
            }
            case Subjects.LEARNING_ENROLLMENT_WITHDRAWN -> {
                EnrollmentWithdrawn withdrawn = event.data(EnrollmentWithdrawn.class);
                Reactive.await(() -> projections.applyEnrollmentEnded(ENROLLMENTS, event.id(), event.tenantId(),
                        withdrawn.classId(), withdrawn.studentId()));
            }
            case Subjects.LEARNING_ENROLLMENT_TRANSFERRED -> {
                EnrollmentTransferred transferred = event.data(EnrollmentTransferred.class);
                Reactive.await(() -> projections.applyEnrollmentEnded(ENROLLMENTS, event.id(), event.tenantId(),
                        transferred.fromClassId(), transferred.studentId()));
            }
            default -> {
                // another enrollment event lab-service has no use for
            }
        }
    }
}
