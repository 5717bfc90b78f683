package dev.kelas.learning.analytics;

import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.AssignmentDeleted;
import dev.kelas.runtime.messaging.ConsumerSpec;
import dev.kelas.runtime.messaging.EventContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Analytics read model: deleted assignments ({@code kelas.learning.assignment.deleted}). */
@ApplicationScoped
public class AnalyticsAssignmentDeletedListener implements AnalyticsConsumer<AssignmentDeleted> {
    static final String CONSUMER = "learning-analytics-assignments-deleted";

    private final AnalyticsProjectionService projection;

    public AnalyticsAssignmentDeletedListener(AnalyticsProjectionService projection) {
        this.projection = projection;
    }

    @Override
    public ConsumerSpec spec() {
        return ConsumerSpec.of(CONSUMER, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_ASSIGNMENT_DELETED);
    }

    @Override
    public Class<AssignmentDeleted> payloadType() {
        return AssignmentDeleted.class;
    }

    @Override
    public Uni<Void> apply(EventContext context, AssignmentDeleted event) {
        return projection.assignmentDeleted(context.tenantId(), event);
    }
}
