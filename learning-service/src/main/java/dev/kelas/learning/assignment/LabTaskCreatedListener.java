package dev.kelas.learning.assignment;

import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.LabTaskCreated;
import dev.kelas.runtime.messaging.ConsumerSpec;
import dev.kelas.runtime.messaging.EventConsumer;
import dev.kelas.runtime.messaging.EventContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Puts a new lab task's id on its CODING assignment ({@code kelas.lab.task.created}). */
@ApplicationScoped
public class LabTaskCreatedListener implements EventConsumer<LabTaskCreated> {
    static final String CONSUMER = "learning-lab-tasks";

    private final LabTaskService labTasks;

    public LabTaskCreatedListener(LabTaskService labTasks) {
        this.labTasks = labTasks;
    }

    @Override
    public ConsumerSpec spec() {
        return ConsumerSpec.of(CONSUMER, Subjects.Stream.KELAS_LAB, Subjects.LAB_TASK_CREATED);
    }

    @Override
    public Class<LabTaskCreated> payloadType() {
        return LabTaskCreated.class;
    }

    @Override
    public Uni<Void> apply(EventContext context, LabTaskCreated created) {
        return labTasks.linkLabTask(context.tenantId(), created);
    }
}
