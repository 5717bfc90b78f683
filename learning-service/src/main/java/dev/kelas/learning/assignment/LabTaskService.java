package dev.kelas.learning.assignment;

import dev.kelas.contracts.events.LabTaskArchived;
import dev.kelas.contracts.events.LabTaskCreated;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Which lab task a CODING assignment has, as lab-service announces it. */
@ApplicationScoped
public class LabTaskService {
    private static final Logger LOG = Logger.getLogger(LabTaskService.class);

    /**
     * Stores the task id on its assignment ({@code kelas.lab.task.created}); a later task of the same assignment
     * replaces it. Applying it twice changes nothing.
     *
     * @throws IllegalStateException if the assignment is not in the event's tenant (retried, then dead-lettered)
     */
    @WithTransaction
    public Uni<Void> linkLabTask(UUID tenantId, LabTaskCreated created) {
        return Assignment.findInTenant(tenantId, created.assignmentId()).invoke(assignment -> {
            if (assignment == null) {
                throw new IllegalStateException("Lab task " + created.taskId() + " names assignment "
                        + created.assignmentId() + ", unknown in tenant " + tenantId);
            }
            assignment.labTaskId = created.taskId();
        }).replaceWithVoid();
    }

    /**
     * Forgets the task id of its assignment once the task is deleted or archived ({@code kelas.lab.task.archived}),
     * unless the assignment has another task by then. An unknown assignment is ignored.
     */
    @WithTransaction
    public Uni<Void> unlinkLabTask(UUID tenantId, LabTaskArchived archived) {
        return Assignment.findInTenant(tenantId, archived.assignmentId()).invoke(assignment -> {
            if (assignment == null) {
                LOG.debugf("Archived lab task %s names unknown assignment %s", archived.taskId(), archived.assignmentId());
            } else if (archived.taskId().equals(assignment.labTaskId)) {
                assignment.labTaskId = null;
            }
        }).replaceWithVoid();
    }
}
