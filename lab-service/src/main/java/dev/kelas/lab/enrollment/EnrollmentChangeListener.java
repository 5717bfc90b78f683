package dev.kelas.lab.enrollment;

import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.EnrollmentCreated;
import dev.kelas.contracts.events.EnrollmentTransferred;
import dev.kelas.contracts.events.EnrollmentWithdrawn;
import dev.kelas.runtime.messaging.ConsumerSpec;
import dev.kelas.runtime.messaging.EventConsumer;
import dev.kelas.runtime.messaging.EventContext;
import dev.kelas.runtime.messaging.IncomingEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps lab-service's copy of enrollments from every {@code kelas.learning.enrollment.*} event, read by one
 * consumer with one worker so a withdrawal and a later re-enrollment apply in stream order. (It replaced
 * {@code lab-learning-enrollments}, which took only {@code .created}.)
 */
@ApplicationScoped
public class EnrollmentChangeListener implements EventConsumer<IncomingEvent> {
    static final String CONSUMER = "lab-learning-enrollment-changes";

    private final ProjectionService projections;

    public EnrollmentChangeListener(ProjectionService projections) {
        this.projections = projections;
    }

    @Override
    public ConsumerSpec spec() {
        return ConsumerSpec.of(CONSUMER, Subjects.Stream.KELAS_LEARNING, "kelas.learning.enrollment.>");
    }

    @Override
    public Class<IncomingEvent> payloadType() {
        return IncomingEvent.class;
    }

    @Override
    public Uni<Void> apply(EventContext context, IncomingEvent event) {
        return switch (event.type()) {
            case Subjects.LEARNING_ENROLLMENT_CREATED -> projections.applyEnrollmentCreated(context.tenantId(),
                    event.data(EnrollmentCreated.class));
            case Subjects.LEARNING_ENROLLMENT_WITHDRAWN -> {
                EnrollmentWithdrawn withdrawn = event.data(EnrollmentWithdrawn.class);
                yield projections.applyEnrollmentEnded(context.tenantId(), withdrawn.classId(), withdrawn.studentId());
            }
            case Subjects.LEARNING_ENROLLMENT_TRANSFERRED -> {
                EnrollmentTransferred transferred = event.data(EnrollmentTransferred.class);
                yield projections.applyEnrollmentEnded(context.tenantId(), transferred.fromClassId(), transferred.studentId());
            }
            default -> Uni.createFrom().voidItem(); // another enrollment event lab-service has no use for
        };
    }
}
