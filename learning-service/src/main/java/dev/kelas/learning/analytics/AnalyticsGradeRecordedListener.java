package dev.kelas.learning.analytics;

import dev.kelas.contracts.Subjects;
import dev.kelas.learning.config.LearningConfig;
import dev.kelas.contracts.events.GradeRecorded;
import dev.kelas.runtime.messaging.ConsumerSpec;
import dev.kelas.runtime.messaging.EventContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Analytics read model: recorded grades ({@code kelas.learning.grade.recorded}). */
@ApplicationScoped
public class AnalyticsGradeRecordedListener implements AnalyticsConsumer<GradeRecorded> {
    static final String CONSUMER = "learning-analytics-grades-recorded";

    private final AnalyticsProjectionService projection;
    private final LearningConfig config;

    public AnalyticsGradeRecordedListener(AnalyticsProjectionService projection, LearningConfig config) {
        this.projection = projection;
        this.config = config;
    }

    @Override
    public ConsumerSpec spec() {
        return ConsumerSpec.of(CONSUMER, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_GRADE_RECORDED)
                .withConcurrency(config.analytics().gradeConsumerConcurrency());
    }

    @Override
    public Class<GradeRecorded> payloadType() {
        return GradeRecorded.class;
    }

    @Override
    public Uni<Void> apply(EventContext context, GradeRecorded event) {
        return projection.gradeRecorded(context.tenantId(), event);
    }
}
