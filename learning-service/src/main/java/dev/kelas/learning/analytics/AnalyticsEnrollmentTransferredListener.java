package dev.kelas.learning.analytics;

import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.EnrollmentTransferred;
import dev.kelas.runtime.messaging.ConsumerSpec;
import dev.kelas.runtime.messaging.EventContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Analytics read model: transfers end the old enrollment ({@code kelas.learning.enrollment.transferred}). */
@ApplicationScoped
public class AnalyticsEnrollmentTransferredListener implements AnalyticsConsumer<EnrollmentTransferred> {
    static final String CONSUMER = "learning-analytics-enrollments-transferred";

    private final AnalyticsProjectionService projection;

    public AnalyticsEnrollmentTransferredListener(AnalyticsProjectionService projection) {
        this.projection = projection;
    }

    @Override
    public ConsumerSpec spec() {
        return ConsumerSpec.of(CONSUMER, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_ENROLLMENT_TRANSFERRED);
    }

    @Override
    public Class<EnrollmentTransferred> payloadType() {
        return EnrollmentTransferred.class;
    }

    @Override
    public Uni<Void> apply(EventContext context, EnrollmentTransferred event) {
        return projection.enrollmentTransferred(context.tenantId(), event);
    }
}
