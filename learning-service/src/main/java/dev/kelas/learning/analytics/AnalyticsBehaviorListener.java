package dev.kelas.learning.analytics;

import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.BehaviorRecorded;
import dev.kelas.runtime.messaging.ConsumerSpec;
import dev.kelas.runtime.messaging.EventContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Analytics read model: behaviour points ({@code kelas.learning.behavior.recorded}). */
@ApplicationScoped
public class AnalyticsBehaviorListener implements AnalyticsConsumer<BehaviorRecorded> {
    static final String CONSUMER = "learning-analytics-behavior";

    private final AnalyticsProjectionService projection;

    public AnalyticsBehaviorListener(AnalyticsProjectionService projection) {
        this.projection = projection;
    }

    @Override
    public ConsumerSpec spec() {
        return ConsumerSpec.of(CONSUMER, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_BEHAVIOR_RECORDED);
    }

    @Override
    public Class<BehaviorRecorded> payloadType() {
        return BehaviorRecorded.class;
    }

    @Override
    public Uni<Void> apply(EventContext context, BehaviorRecorded event) {
        return projection.behaviorRecorded(context.tenantId(), event);
    }
}
