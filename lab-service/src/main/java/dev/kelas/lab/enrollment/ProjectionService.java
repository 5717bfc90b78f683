package dev.kelas.lab.enrollment;

import dev.kelas.contracts.events.AssignmentPublished;
import dev.kelas.contracts.events.EnrollmentCreated;
import dev.kelas.runtime.inbox.Inbox;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Keeps lab-service's copies of learning-service's assignments and enrollments. */
@ApplicationScoped
public class ProjectionService {
    private final Inbox inbox;

    public ProjectionService(Inbox inbox) {
        this.inbox = inbox;
    }

    /** Applies {@code kelas.learning.assignment.published} once per event id. */
    @WithTransaction
    public Uni<Void> applyAssignmentPublished(String consumer, UUID eventId, UUID tenantId, AssignmentPublished published) {
        return inbox.once(consumer, eventId, () -> LabAssignment.<LabAssignment>findById(published.assignmentId()).chain(existing -> {
                    LabAssignment assignment = existing != null ? existing : new LabAssignment();
                    assignment.assignmentId = published.assignmentId();
                    assignment.tenantId = tenantId;
                    assignment.classId = published.classId();
                    assignment.teacherId = published.teacherId();
                    assignment.kind = published.kind();
                    assignment.title = published.title();
                    assignment.points = published.points();
                    return existing != null ? Uni.createFrom().voidItem() : assignment.persist().replaceWithVoid();
                }));
    }

    /** Applies {@code kelas.learning.enrollment.created} once per event id. */
    @WithTransaction
    public Uni<Void> applyEnrollmentCreated(String consumer, UUID eventId, UUID tenantId, EnrollmentCreated created) {
        return inbox.once(consumer, eventId, () -> LabEnrollment.exists(tenantId, created.classId(), created.studentId()).chain(exists -> {
                    if (exists) {
                        return Uni.createFrom().voidItem();
                    }
                    LabEnrollment enrollment = new LabEnrollment();
                    enrollment.classId = created.classId();
                    enrollment.studentId = created.studentId();
                    enrollment.tenantId = tenantId;
                    return enrollment.persist().replaceWithVoid();
                }));
    }

    /**
     * Applies the end of an enrollment ({@code kelas.learning.enrollment.withdrawn}, or the old class of a
     * {@code .transferred}) once per event id: the student may no longer submit to that class's tasks. Their
     * submissions and grades stay.
     */
    @WithTransaction
    public Uni<Void> applyEnrollmentEnded(String consumer, UUID eventId, UUID tenantId, UUID classId, UUID studentId) {
        return inbox.once(consumer, eventId, () -> LabEnrollment.remove(tenantId, classId, studentId).replaceWithVoid());
    }
}
