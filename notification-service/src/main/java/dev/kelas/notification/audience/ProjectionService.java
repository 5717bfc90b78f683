package dev.kelas.notification.audience;

import dev.kelas.contracts.events.AssignmentPublished;
import dev.kelas.contracts.events.EnrollmentCreated;
import dev.kelas.notification.audience.ClassMember.ClassRole;
import dev.kelas.notification.inbox.DeliveryService;
import dev.kelas.notification.inbox.DeliveryService.Delivered;
import dev.kelas.notification.inbox.Drafts;
import dev.kelas.notification.inbox.Drafts.AssignmentNotice;
import dev.kelas.runtime.inbox.Inbox;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
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
    private final Inbox inbox;
    private final DeliveryService delivery;

    public ProjectionService(Inbox inbox, DeliveryService delivery) {
        this.inbox = inbox;
        this.delivery = delivery;
    }

    /** A user as a {@code kelas.auth.user.*} event describes them. */
    public record UserChange(UUID userId, UUID tenantId, String email, String name, String role, boolean active,
                             Instant occurredAt) {
    }

    /**
     * Applies a user event once per consumer and event id; an event older than what is stored changes nothing.
     *
     * @throws IllegalArgumentException if the payload's tenant differs from the envelope's
     */
    @WithTransaction
    public Uni<Void> applyUser(String consumer, UUID eventId, UUID tenantId, UserChange user) {
        requireTenant(tenantId, user.tenantId());
        return inbox.once(consumer, eventId, () -> UserAccount.apply(tenantId, user.userId(), user.email(), user.name(),
                user.role(), user.active(), user.occurredAt())).replaceWithVoid();
    }

    /**
     * Records a student's (and the class teacher's) membership. Assignments of the class published after
     * the student enrolled whose events were handled before this one are delivered to the student now.
     */
    @WithTransaction
    public Uni<Delivered> applyEnrollment(String consumer, UUID eventId, UUID tenantId, EnrollmentCreated enrollment) {
        return inbox.once(consumer, eventId, () -> ClassMember.join(tenantId, enrollment.classId(), enrollment.studentId(),
                        ClassRole.STUDENT, enrollment.occurredAt())
                .call(() -> enrollment.teacherId() == null ? Uni.createFrom().voidItem()
                        : ClassMember.join(tenantId, enrollment.classId(), enrollment.teacherId(), ClassRole.TEACHER,
                                enrollment.occurredAt()))
                .chain(() -> ClassAssignment.publishedSince(tenantId, enrollment.classId(), enrollment.occurredAt()))
                .chain(assignments -> Multi.createFrom().iterable(assignments)
                        .onItem().transformToUniAndConcatenate(assignment -> delivery.deliver(assignment.eventId, tenantId,
                                new Audience.User(enrollment.studentId()), Drafts.assignmentPublished(notice(assignment))))
                        .collect().asList().map(Delivered::sum)))
                .map(delivered -> delivered == null ? Delivered.NOTHING : delivered);
    }

    /** Records a published assignment and its class's teacher, and tells the class's students. */
    @WithTransaction
    public Uni<Delivered> applyAssignmentPublished(String consumer, UUID eventId, UUID tenantId, AssignmentPublished published) {
        AssignmentNotice notice = new AssignmentNotice(published.assignmentId(), published.classId(), published.title(),
                published.dueAt());
        return inbox.once(consumer, eventId, () -> ClassAssignment.record(tenantId, published.assignmentId(),
                                published.classId(), published.title(), published.dueAt(), published.occurredAt(), eventId)
                        .call(() -> published.teacherId() == null ? Uni.createFrom().voidItem()
                                : ClassMember.join(tenantId, published.classId(), published.teacherId(), ClassRole.TEACHER,
                                        published.occurredAt()))
                        .chain(() -> delivery.deliver(eventId, tenantId, new Audience.ClassMembers(published.classId(),
                                List.of(ClassRole.STUDENT), published.occurredAt()), Drafts.assignmentPublished(notice))))
                .map(delivered -> delivered == null ? Delivered.NOTHING : delivered);
    }

    /** What an assignment row says about itself in an assignment notification. */
    public static AssignmentNotice notice(ClassAssignment assignment) {
        return new AssignmentNotice(assignment.assignmentId, assignment.classId, assignment.title, assignment.dueAt);
    }

    private static void requireTenant(UUID envelopeTenant, UUID payloadTenant) {
        if (payloadTenant != null && !envelopeTenant.equals(payloadTenant)) {
            throw new IllegalArgumentException("Event tenant and payload tenant differ");
        }
    }
}
