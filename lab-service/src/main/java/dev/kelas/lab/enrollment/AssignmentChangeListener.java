package dev.kelas.lab.enrollment;

import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.AssignmentDeleted;
import dev.kelas.contracts.events.AssignmentPublished;
import dev.kelas.contracts.events.AssignmentUpdated;
import dev.kelas.runtime.messaging.ConsumerSpec;
import dev.kelas.runtime.messaging.EventConsumer;
import dev.kelas.runtime.messaging.EventContext;
import dev.kelas.runtime.messaging.IncomingEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps lab-service's copy of learning's assignments from every {@code kelas.learning.assignment.*} event
 * (published, updated, deleted), read by one consumer so that an assignment's changes apply in stream order.
 * (It replaced {@code lab-learning-assignments}, which took only {@code .published}: a teacher's later change of
 * {@code maxAttempts} or the due time never reached the lab.)
 */
@ApplicationScoped
public class AssignmentChangeListener implements EventConsumer<IncomingEvent> {
    static final String CONSUMER = "lab-learning-assignment-changes";

    private final ProjectionService projections;

    public AssignmentChangeListener(ProjectionService projections) {
        this.projections = projections;
    }

    @Override
    public ConsumerSpec spec() {
        return ConsumerSpec.of(CONSUMER, Subjects.Stream.KELAS_LEARNING, "kelas.learning.assignment.>");
    }

    @Override
    public Class<IncomingEvent> payloadType() {
        return IncomingEvent.class;
    }

    @Override
    public Uni<Void> apply(EventContext context, IncomingEvent event) {
        return switch (event.type()) {
            case Subjects.LEARNING_ASSIGNMENT_PUBLISHED -> projections.applyAssignmentPublished(context.tenantId(),
                    event.data(AssignmentPublished.class));
            case Subjects.LEARNING_ASSIGNMENT_UPDATED -> projections.applyAssignmentUpdated(context.tenantId(),
                    event.data(AssignmentUpdated.class));
            case Subjects.LEARNING_ASSIGNMENT_DELETED -> projections.applyAssignmentDeleted(context.tenantId(),
                    event.data(AssignmentDeleted.class));
            default -> Uni.createFrom().voidItem(); // another assignment event lab-service has no use for
        };
    }
}
