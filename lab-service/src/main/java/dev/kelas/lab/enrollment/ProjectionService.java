package dev.kelas.lab.enrollment;

import dev.kelas.contracts.events.AssignmentDeleted;
import dev.kelas.contracts.events.AssignmentPublished;
import dev.kelas.contracts.events.AssignmentUpdated;
import dev.kelas.lab.task.CodingTask;
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

    /**
     * Applies {@code kelas.learning.assignment.updated}: overwrites the copy's title, kind, points, attempt limit
     * and due time, unless the copy already has this version or a newer one (a redelivery, or changes read out of
     * order). A change to an assignment the lab never saw published is dropped: a CODING assignment is always
     * published first, on the same subject tree this consumer reads in order.
     */
    @WithTransaction
    public Uni<Void> applyAssignmentUpdated(UUID tenantId, AssignmentUpdated updated) {
        return LabAssignment.findInTenant(tenantId, updated.assignmentId()).invoke(assignment -> {
            if (assignment == null || assignment.version >= updated.version()) {
                return;
            }
            assignment.title = updated.title();
            assignment.kind = updated.kind();
            assignment.points = updated.points();
            assignment.maxAttempts = updated.maxAttempts();
            assignment.dueAt = updated.dueAt();
            assignment.version = updated.version();
        }).replaceWithVoid();
    }

    /**
     * Applies {@code kelas.learning.assignment.deleted}: marks the copy deleted and archives the assignment's coding
     * tasks, so students no longer see them or submit; their submissions stay (learning deletes only assignments
     * without grades). A repeat changes nothing.
     */
    @WithTransaction
    public Uni<Void> applyAssignmentDeleted(UUID tenantId, AssignmentDeleted deleted) {
        return LabAssignment.findInTenant(tenantId, deleted.assignmentId()).chain(assignment -> {
            if (assignment == null || assignment.deletedAt != null) {
                return Uni.createFrom().voidItem();
            }
            assignment.deletedAt = deleted.occurredAt();
            return CodingTask.<CodingTask>list("tenantId = ?1 and assignmentId = ?2", tenantId, assignment.assignmentId)
                    .invoke(tasks -> tasks.forEach(task -> task.archive(deleted.occurredAt())))
                    .replaceWithVoid();
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
