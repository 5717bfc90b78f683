package dev.kelas.lab.enrollment;

import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.AssignmentPublished;
import dev.kelas.runtime.messaging.ConsumerSpec;
import dev.kelas.runtime.messaging.EventConsumer;
import dev.kelas.runtime.messaging.EventContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Keeps lab-service's copy of learning's assignments from {@code kelas.learning.assignment.published}. */
@ApplicationScoped
public class AssignmentPublishedListener implements EventConsumer<AssignmentPublished> {
    static final String CONSUMER = "lab-learning-assignments";

    private final ProjectionService projections;

    public AssignmentPublishedListener(ProjectionService projections) {
        this.projections = projections;
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
    public Uni<Void> apply(EventContext context, AssignmentPublished published) {
        return projections.applyAssignmentPublished(context.tenantId(), published);
    }
}
