package dev.kelas.learning.analytics;

import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.EnrollmentCreated;
import dev.kelas.runtime.messaging.ConsumerSpec;
import dev.kelas.runtime.messaging.EventContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Analytics read model: enrollments ({@code kelas.learning.enrollment.created}). */
@ApplicationScoped
public class AnalyticsEnrollmentCreatedListener implements AnalyticsConsumer<EnrollmentCreated> {
    static final String CONSUMER = "learning-analytics-enrollments-created";

    private final AnalyticsProjectionService projection;

    public AnalyticsEnrollmentCreatedListener(AnalyticsProjectionService projection) {
        this.projection = projection;
    }

    @Override
    public ConsumerSpec spec() {
        return ConsumerSpec.of(CONSUMER, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_ENROLLMENT_CREATED);
    }

    @Override
    public Class<EnrollmentCreated> payloadType() {
        return EnrollmentCreated.class;
    }

    @Override
    public Uni<Void> apply(EventContext context, EnrollmentCreated event) {
        return projection.enrollmentCreated(context.tenantId(), event);
    }
}
