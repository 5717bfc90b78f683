package dev.kelas.lab.run;

import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.LabRunRequested;
import dev.kelas.lab.config.LabConfig;
import dev.kelas.runtime.messaging.ConsumerSpec;
import dev.kelas.runtime.messaging.IncomingEvent;
import dev.kelas.runtime.messaging.JetStreamConsumers;
import dev.kelas.runtime.messaging.Reactive;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The run lane of the graders: takes {@code kelas.lab.run.requested} from its own shared durable consumer
 * {@code lab-runs} (a work queue across every grader process, apart from {@code lab-graders}), with its own
 * {@code kelas.lab.run.concurrency} worker threads and sandbox slots, so a backlog of gradings never delays a
 * run and a burst of runs never delays grading. Stores the result in the run's row and only then acks.
 */
@ApplicationScoped
public class RunEventListener {
    static final String CONSUMER = "lab-runs";

    private final JetStreamConsumers consumers;
    private final RunService runs;
    private final CodeRunner runner;
    private final LabConfig config;

    public RunEventListener(JetStreamConsumers consumers, RunService runs, CodeRunner runner, LabConfig config) {
        this.consumers = consumers;
        this.runs = runs;
        this.runner = runner;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (!config.grader().enabled()) {
            return;
        }
        consumers.start(ConsumerSpec.of(CONSUMER, Subjects.Stream.KELAS_LAB, Subjects.LAB_RUN_REQUESTED)
                .withAckWait(config.run().ackWait())
                .withConcurrency(config.run().concurrency())
                .withMaxDeliver(config.run().maxDeliver())
                .withDeadLetterHandler((failed, error) -> Reactive.await(() -> runs.failRun(failed.tenantId(),
                        failed.data(LabRunRequested.class).runId(), "The run failed after every attempt"))),
                this::onRunRequested);
    }

    void onRunRequested(IncomingEvent event) throws Exception {
        LabRunRequested requested = event.data(LabRunRequested.class);
        RunJob job = Reactive.await(() -> runs.startRun(event.tenantId(), requested.runId()));
        if (job == null) {
            return; // already done (a redelivery), or pruned by the user's newer runs
        }
        RunOutcome outcome = runner.run(job);
        Reactive.await(() -> runs.finishRun(job, outcome));
    }
}
