package dev.kelas.learning.analytics;

import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.SubmissionGraded;
import dev.kelas.runtime.messaging.ConsumerSpec;
import dev.kelas.runtime.messaging.EventContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Analytics read model: graded lab submissions ({@code kelas.lab.submission.graded}). */
@ApplicationScoped
public class AnalyticsLabListener implements AnalyticsConsumer<SubmissionGraded> {
    static final String CONSUMER = "learning-analytics-lab-grades";

    private final AnalyticsProjectionService projection;

    public AnalyticsLabListener(AnalyticsProjectionService projection) {
        this.projection = projection;
    }

    @Override
    public ConsumerSpec spec() {
        return ConsumerSpec.of(CONSUMER, Subjects.Stream.KELAS_LAB, Subjects.LAB_SUBMISSION_GRADED);
    }

    @Override
    public Class<SubmissionGraded> payloadType() {
        return SubmissionGraded.class;
    }

    @Override
    public Uni<Void> apply(EventContext context, SubmissionGraded event) {
        return projection.labSubmissionGraded(context.tenantId(), event);
    }
}
