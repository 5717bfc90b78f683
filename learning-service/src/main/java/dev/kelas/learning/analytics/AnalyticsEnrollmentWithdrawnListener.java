package dev.kelas.learning.analytics;

import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.EnrollmentWithdrawn;
import dev.kelas.runtime.messaging.ConsumerSpec;
import dev.kelas.runtime.messaging.EventContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Analytics read model: withdrawals ({@code kelas.learning.enrollment.withdrawn}). */
@ApplicationScoped
public class AnalyticsEnrollmentWithdrawnListener implements AnalyticsConsumer<EnrollmentWithdrawn> {
    static final String CONSUMER = "learning-analytics-enrollments-withdrawn";

    private final AnalyticsProjectionService projection;

    public AnalyticsEnrollmentWithdrawnListener(AnalyticsProjectionService projection) {
        this.projection = projection;
    }

    @Override
    public ConsumerSpec spec() {
        return ConsumerSpec.of(CONSUMER, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_ENROLLMENT_WITHDRAWN);
    }

    @Override
    public Class<EnrollmentWithdrawn> payloadType() {
        return EnrollmentWithdrawn.class;
    }

    @Override
    public Uni<Void> apply(EventContext context, EnrollmentWithdrawn event) {
        return projection.enrollmentWithdrawn(context.tenantId(), event);
    }
}
