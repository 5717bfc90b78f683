package dev.kelas.learning.analytics;

import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.ClassChanged;
import dev.kelas.runtime.messaging.ConsumerSpec;
import dev.kelas.runtime.messaging.EventContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Analytics read model: classes with their term and grade level ({@code kelas.learning.class.changed}). */
@ApplicationScoped
public class AnalyticsClassListener implements AnalyticsConsumer<ClassChanged> {
    static final String CONSUMER = "learning-analytics-classes";

    private final AnalyticsProjectionService projection;

    public AnalyticsClassListener(AnalyticsProjectionService projection) {
        this.projection = projection;
    }

    @Override
    public ConsumerSpec spec() {
        return ConsumerSpec.of(CONSUMER, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_CLASS_CHANGED);
    }

    @Override
    public Class<ClassChanged> payloadType() {
        return ClassChanged.class;
    }

    @Override
    public Uni<Void> apply(EventContext context, ClassChanged event) {
        return projection.classChanged(context.tenantId(), event);
    }
}
