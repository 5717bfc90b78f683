package dev.kelas.learning.analytics;

import dev.kelas.contracts.Subjects;
import dev.kelas.learning.config.LearningConfig;
import dev.kelas.contracts.events.GradeReleased;
import dev.kelas.runtime.messaging.ConsumerSpec;
import dev.kelas.runtime.messaging.EventContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Analytics read model: released grades, the only ones students' figures count ({@code kelas.learning.grade.released}). */
@ApplicationScoped
public class AnalyticsGradeReleasedListener implements AnalyticsConsumer<GradeReleased> {
    static final String CONSUMER = "learning-analytics-grades-released";

    private final AnalyticsProjectionService projection;
    private final LearningConfig config;

    public AnalyticsGradeReleasedListener(AnalyticsProjectionService projection, LearningConfig config) {
        this.projection = projection;
        this.config = config;
    }

    @Override
    public ConsumerSpec spec() {
        return ConsumerSpec.of(CONSUMER, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_GRADE_RELEASED)
                .withConcurrency(config.analytics().gradeConsumerConcurrency());
    }

    @Override
    public Class<GradeReleased> payloadType() {
        return GradeReleased.class;
    }

    @Override
    public Uni<Void> apply(EventContext context, GradeReleased event) {
        return projection.gradeReleased(context.tenantId(), event);
    }
}
