package dev.kelas.learning.analytics;

import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.SubmissionReceived;
import dev.kelas.runtime.messaging.ConsumerSpec;
import dev.kelas.runtime.messaging.EventContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Analytics read model: hand-ins ({@code kelas.learning.submission.received}). */
@ApplicationScoped
public class AnalyticsHandInListener implements AnalyticsConsumer<SubmissionReceived> {
    static final String CONSUMER = "learning-analytics-hand-ins";

    private final AnalyticsProjectionService projection;

    public AnalyticsHandInListener(AnalyticsProjectionService projection) {
        this.projection = projection;
    }

    @Override
    public ConsumerSpec spec() {
        return ConsumerSpec.of(CONSUMER, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_SUBMISSION_RECEIVED);
    }

    @Override
    public Class<SubmissionReceived> payloadType() {
        return SubmissionReceived.class;
    }

    @Override
    public Uni<Void> apply(EventContext context, SubmissionReceived event) {
        return projection.submissionReceived(context.tenantId(), event);
    }
}
