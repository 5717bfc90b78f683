package dev.kelas.learning.analytics;

import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.AttendanceMarked;
import dev.kelas.runtime.messaging.ConsumerSpec;
import dev.kelas.runtime.messaging.EventContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Analytics read model: register marks ({@code kelas.learning.attendance.marked}). */
@ApplicationScoped
public class AnalyticsAttendanceListener implements AnalyticsConsumer<AttendanceMarked> {
    static final String CONSUMER = "learning-analytics-attendance";

    private final AnalyticsProjectionService projection;

    public AnalyticsAttendanceListener(AnalyticsProjectionService projection) {
        this.projection = projection;
    }

    @Override
    public ConsumerSpec spec() {
        return ConsumerSpec.of(CONSUMER, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_ATTENDANCE_MARKED);
    }

    @Override
    public Class<AttendanceMarked> payloadType() {
        return AttendanceMarked.class;
    }

    @Override
    public Uni<Void> apply(EventContext context, AttendanceMarked event) {
        return projection.attendanceMarked(context.tenantId(), event);
    }
}
