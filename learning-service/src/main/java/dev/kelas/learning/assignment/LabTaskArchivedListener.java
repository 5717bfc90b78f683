package dev.kelas.learning.assignment;

import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.LabTaskArchived;
import dev.kelas.runtime.messaging.ConsumerSpec;
import dev.kelas.runtime.messaging.EventConsumer;
import dev.kelas.runtime.messaging.EventContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Takes a deleted or archived lab task off its CODING assignment ({@code kelas.lab.task.archived}). */
@ApplicationScoped
public class LabTaskArchivedListener implements EventConsumer<LabTaskArchived> {
    static final String CONSUMER = "learning-lab-tasks-archived";

    private final LabTaskService labTasks;

    public LabTaskArchivedListener(LabTaskService labTasks) {
        this.labTasks = labTasks;
    }

    @Override
    public ConsumerSpec spec() {
        return ConsumerSpec.of(CONSUMER, Subjects.Stream.KELAS_LAB, Subjects.LAB_TASK_ARCHIVED);
    }

    @Override
    public Class<LabTaskArchived> payloadType() {
        return LabTaskArchived.class;
    }

    @Override
    public Uni<Void> apply(EventContext context, LabTaskArchived archived) {
        return labTasks.unlinkLabTask(context.tenantId(), archived);
    }
}
