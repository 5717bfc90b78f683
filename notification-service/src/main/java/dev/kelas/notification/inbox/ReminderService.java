package dev.kelas.notification.inbox;

import dev.kelas.notification.audience.Audience;
import dev.kelas.notification.audience.ClassAssignment;
import dev.kelas.notification.audience.ClassMember.ClassRole;
import dev.kelas.notification.audience.ProjectionService;
import dev.kelas.notification.config.NotificationConfig;
import dev.kelas.notification.inbox.DeliveryService.Delivered;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * "Assignment due soon": once per assignment and due date, when its due date comes within
 * {@code kelas.notification.due-soon.window}; a moved due date ({@code kelas.learning.assignment.updated}) makes it due
 * again for the new date.
 */
@ApplicationScoped
public class ReminderService {
    private final NotificationConfig config;
    private final DeliveryService delivery;

    public ReminderService(NotificationConfig config, DeliveryService delivery) {
        this.config = config;
        this.delivery = delivery;
    }

    /**
     * Reminds the students of one assignment that is due within the window and has not been reminded of.
     *
     * @return what was delivered, or null when no assignment is left to remind of
     */
    @WithTransaction
    public Uni<Delivered> remindNext() {
        return ClassAssignment.claimDueBefore(Instant.now().plus(config.dueSoon().window())).chain(assignment -> {
            if (assignment == null) {
                return Uni.createFrom().nullItem();
            }
            return delivery.deliver(reminderId(assignment.assignmentId, assignment.dueAt), assignment.tenantId,
                    new Audience.ClassMembers(assignment.classId, List.of(ClassRole.STUDENT), Instant.now()),
                    Drafts.assignmentDueSoon(ProjectionService.notice(assignment)));
        });
    }

    /**
     * The id the reminder of an assignment is stored under: one per assignment, due date and user, so a reminder
     * for a moved due date is a new notification, not a repeat of the old one.
     */
    static UUID reminderId(UUID assignmentId, Instant dueAt) {
        return UUID.nameUUIDFromBytes(("due-soon:" + assignmentId + ":" + dueAt).getBytes(StandardCharsets.UTF_8));
    }
}
