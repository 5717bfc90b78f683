package dev.kelas.learning.analytics;

import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.AssignmentUpdated;
import dev.kelas.runtime.messaging.ConsumerSpec;
import dev.kelas.runtime.messaging.EventContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Analytics read model: changed assignments ({@code kelas.learning.assignment.updated}: title, points, due time). */
@ApplicationScoped
public class AnalyticsAssignmentUpdatedListener implements AnalyticsConsumer<AssignmentUpdated> {
    static final String CONSUMER = "learning-analytics-assignments-updated";

    private final AnalyticsProjectionService projection;

    public AnalyticsAssignmentUpdatedListener(AnalyticsProjectionService projection) {
        this.projection = projection;
    }

    @Override
    public ConsumerSpec spec() {
        return ConsumerSpec.of(CONSUMER, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_ASSIGNMENT_UPDATED);
    }

    @Override
    public Class<AssignmentUpdated> payloadType() {
        return AssignmentUpdated.class;
    }

    @Override
    public Uni<Void> apply(EventContext context, AssignmentUpdated event) {
        return projection.assignmentUpdated(context.tenantId(), event);
    }
}
