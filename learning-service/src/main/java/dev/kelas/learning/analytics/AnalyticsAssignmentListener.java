package dev.kelas.learning.analytics;

import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.AssignmentPublished;
import dev.kelas.runtime.messaging.ConsumerSpec;
import dev.kelas.runtime.messaging.EventContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Analytics read model: published assignments ({@code kelas.learning.assignment.published}). */
@ApplicationScoped
public class AnalyticsAssignmentListener implements AnalyticsConsumer<AssignmentPublished> {
    static final String CONSUMER = "learning-analytics-assignments";

    private final AnalyticsProjectionService projection;

    public AnalyticsAssignmentListener(AnalyticsProjectionService projection) {
        this.projection = projection;
    }

    @Override
    public ConsumerSpec spec() {
        return ConsumerSpec.of(CONSUMER, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_ASSIGNMENT_PUBLISHED);
    }

    @Override
    public Class<AssignmentPublished> payloadType() {
        return AssignmentPublished.class;
    }

    @Override
    public Uni<Void> apply(EventContext context, AssignmentPublished event) {
        return projection.assignmentPublished(context.tenantId(), event);
    }
}
