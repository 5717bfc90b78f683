package dev.kelas.notification.audience;

import dev.kelas.contracts.events.AssignmentDeleted;
import dev.kelas.contracts.events.AssignmentPublished;
import dev.kelas.contracts.events.AssignmentUpdated;
import dev.kelas.contracts.events.EnrollmentCreated;
import dev.kelas.notification.audience.ClassMember.ClassRole;
import dev.kelas.notification.inbox.DeliveryService;
import dev.kelas.notification.inbox.DeliveryService.Delivered;
import dev.kelas.notification.inbox.Drafts;
import dev.kelas.notification.inbox.Drafts.AssignmentNotice;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Keeps the projections audiences are expanded from (users, class members, published assignments)
 * from other services' events, and delivers what those events mean to users.
 */
@ApplicationScoped
public class ProjectionService {
    private final DeliveryService delivery;

    public ProjectionService(DeliveryService delivery) {
        this.delivery = delivery;
    }

    /** A user as a {@code kelas.auth.user.*} event describes them. */
    public record UserChange(UUID userId, UUID tenantId, String email, String name, String role, boolean active,
                             Instant occurredAt) {
    }

    /**
     * Applies a user event in the caller's transaction (the declared consumer's, with its inbox mark); an event
     * older than what is stored changes nothing.
     *
     * @throws IllegalArgumentException if the payload's tenant differs from the envelope's
     */
    public Uni<Void> applyUser(UUID tenantId, UserChange user) {
        if (user.tenantId() != null && !tenantId.equals(user.tenantId())) {
            return Uni.createFrom().failure(new IllegalArgumentException("Event tenant and payload tenant differ"));
        }
        return UserAccount.apply(tenantId, user.userId(), user.email(), user.name(), user.role(), user.active(),
                user.occurredAt());
    }

    /**
     * Records a student's (and the class teacher's) membership. Assignments of the class published after
     * the student enrolled whose events were handled before this one are delivered to the student now.
     */
    public Uni<Delivered> applyEnrollment(UUID tenantId, EnrollmentCreated enrollment) {
        return ClassMember.join(tenantId, enrollment.classId(), enrollment.studentId(),
                        ClassRole.STUDENT, enrollment.occurredAt())
                .call(() -> enrollment.teacherId() == null ? Uni.createFrom().voidItem()
                        : ClassMember.join(tenantId, enrollment.classId(), enrollment.teacherId(), ClassRole.TEACHER,
                                enrollment.occurredAt()))
                .chain(() -> ClassAssignment.publishedSince(tenantId, enrollment.classId(), enrollment.occurredAt()))
                .chain(assignments -> Multi.createFrom().iterable(assignments)
                        .onItem().transformToUniAndConcatenate(assignment -> delivery.deliver(assignment.eventId, tenantId,
                                new Audience.User(enrollment.studentId()), Drafts.assignmentPublished(notice(assignment))))
                        .collect().asList().map(Delivered::sum));
    }

    /**
     * Records a published assignment and its class's teacher, and tells the class's students; in the caller's
     * transaction.
     *
     * @param eventId the event's id, kept with the assignment (a later enrollment's delivery of it reuses the id)
     */
    public Uni<Delivered> applyAssignmentPublished(UUID eventId, UUID tenantId, AssignmentPublished published) {
        AssignmentNotice notice = new AssignmentNotice(published.assignmentId(), published.classId(), published.title(),
                published.dueAt());
        return ClassAssignment.record(tenantId, published.assignmentId(), published.classId(), published.title(),
                        published.dueAt(), published.occurredAt(), eventId)
                .call(() -> published.teacherId() == null ? Uni.createFrom().voidItem()
                        : ClassMember.join(tenantId, published.classId(), published.teacherId(), ClassRole.TEACHER,
                                published.occurredAt()))
                .chain(() -> delivery.deliver(eventId, tenantId, new Audience.ClassMembers(published.classId(),
                        List.of(ClassRole.STUDENT), published.occurredAt()), Drafts.assignmentPublished(notice)));
    }

    /**
     * Applies {@code kelas.learning.assignment.updated} in the caller's transaction: the assignment's title and due
     * date follow, and a moved due date reschedules its "due soon" reminder ({@link ClassAssignment#follow}).
     */
    public Uni<Void> applyAssignmentUpdated(UUID tenantId, AssignmentUpdated updated) {
        return ClassAssignment.follow(tenantId, updated.assignmentId(), updated.title(), updated.dueAt(), updated.version())
                .replaceWithVoid();
    }

    /** Applies {@code kelas.learning.assignment.deleted} in the caller's transaction: no reminder goes out for it. */
    public Uni<Void> applyAssignmentDeleted(UUID tenantId, AssignmentDeleted deleted) {
        return ClassAssignment.forget(tenantId, deleted.assignmentId()).replaceWithVoid();
    }

    /** What an assignment row says about itself in an assignment notification. */
    public static AssignmentNotice notice(ClassAssignment assignment) {
        return new AssignmentNotice(assignment.assignmentId, assignment.classId, assignment.title, assignment.dueAt);
    }
}
