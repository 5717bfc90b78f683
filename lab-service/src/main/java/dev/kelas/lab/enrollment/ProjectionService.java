package dev.kelas.lab.enrollment;

import dev.kelas.contracts.events.AssignmentPublished;
import dev.kelas.contracts.events.EnrollmentCreated;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Keeps lab-service's copies of learning-service's assignments and enrollments. Each method applies one
 * event; the listeners run it inside the inbox's transaction ({@code DeclaredConsumers}), so each event
 * takes effect once.
 */
@ApplicationScoped
public class ProjectionService {

    /**
     * Applies {@code kelas.learning.assignment.published}: records the assignment with its attempt limit
     * and due time (a repeat changes nothing).
     */
    @WithTransaction
    public Uni<Void> applyAssignmentPublished(UUID tenantId, AssignmentPublished published) {
        return LabAssignment.<LabAssignment>findById(published.assignmentId()).chain(existing -> {
                    LabAssignment assignment = existing != null ? existing : new LabAssignment();
                    assignment.assignmentId = published.assignmentId();
                    assignment.tenantId = tenantId;
                    assignment.classId = published.classId();
                    assignment.teacherId = published.teacherId();
                    assignment.kind = published.kind();
                    assignment.title = published.title();
                    assignment.points = published.points();
                    assignment.maxAttempts = published.maxAttempts();
                    assignment.dueAt = published.dueAt();
                    return existing != null ? Uni.createFrom().voidItem() : assignment.persist().replaceWithVoid();
                });
    }

    /** Applies {@code kelas.learning.enrollment.created}: records the enrollment (a repeat changes nothing). */
    @WithTransaction
    public Uni<Void> applyEnrollmentCreated(UUID tenantId, EnrollmentCreated created) {
        return LabEnrollment.exists(tenantId, created.classId(), created.studentId()).chain(exists -> {
                    if (exists) {
                        return Uni.createFrom().voidItem();
                    }
                    LabEnrollment enrollment = new LabEnrollment();
                    enrollment.classId = created.classId();
                    enrollment.studentId = created.studentId();
                    enrollment.tenantId = tenantId;
                    return enrollment.persist().replaceWithVoid();
                });
    }

    /**
     * Applies the end of an enrollment ({@code kelas.learning.enrollment.withdrawn}, or the old class of a
     * {@code .transferred}) : the student may no longer submit to that class's tasks. Their
     * submissions and grades stay.
     */
    @WithTransaction
    public Uni<Void> applyEnrollmentEnded(UUID tenantId, UUID classId, UUID studentId) {
        return LabEnrollment.remove(tenantId, classId, studentId).replaceWithVoid();
    }
}
