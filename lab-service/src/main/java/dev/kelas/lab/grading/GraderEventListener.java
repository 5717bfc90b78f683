package dev.kelas.lab.grading;

import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.LabSubmissionCreated;
import dev.kelas.lab.config.LabConfig;
import dev.kelas.runtime.messaging.ConsumerSpec;
import dev.kelas.runtime.messaging.IncomingEvent;
import dev.kelas.runtime.messaging.JetStreamConsumers;
import dev.kelas.runtime.messaging.Reactive;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The graders: take {@code kelas.lab.submission.created} from the one shared durable consumer
 * {@code lab-graders} (a work queue across every grader process), run the tests (recording and announcing
 * each as it finishes, {@link LiveProgress}), store the verdict
 * with its {@code kelas.lab.submission.graded} event, and only then ack. A grader killed mid-run
 * never acks, so JetStream hands the submission to another after the ack wait.
 */
@ApplicationScoped
public class GraderEventListener {
    static final String CONSUMER = "lab-graders";

    private final JetStreamConsumers consumers;
    private final GradingService grading;
    private final Grader grader;
    private final LabConfig config;
    private final LiveProgress progress;

    public GraderEventListener(JetStreamConsumers consumers, GradingService grading, Grader grader, LabConfig config,
                               LiveProgress progress) {
        this.progress = progress;
        this.consumers = consumers;
        this.grading = grading;
        this.grader = grader;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (!config.grader().enabled()) {
            return;
        }
        consumers.start(ConsumerSpec.of(CONSUMER, Subjects.Stream.KELAS_LAB, Subjects.LAB_SUBMISSION_CREATED)
                .withAckWait(config.grader().ackWait())
                .withConcurrency(config.grader().concurrency())
                .withMaxDeliver(config.grader().maxDeliver())
                .withDeadLetterHandler((failed, error) -> Reactive.await(() -> grading.failGrading(failed.tenantId(),
                        failed.data(LabSubmissionCreated.class).submissionId(), "Grading failed after every attempt"))),
                this::onSubmissionCreated);
    }

    /** Submissions waiting for a grader: the shared consumer's pending count (Prometheus {@code kelas_lab_queue_depth}). */
    void registerQueueDepth(@Observes StartupEvent event, io.micrometer.core.instrument.MeterRegistry metrics,
                            dev.kelas.runtime.messaging.JetStreamClient nats) {
        io.micrometer.core.instrument.Gauge.builder("kelas_lab_queue_depth", () -> {
            try {
                return nats.management().getConsumerInfo(Subjects.Stream.KELAS_LAB.name(), CONSUMER).getNumPending();
            } catch (Exception e) {
                return Double.NaN;
            }
        }).description("Submissions waiting for a grader").register(metrics);
    }

    void onSubmissionCreated(IncomingEvent event) throws Exception {
        LabSubmissionCreated created = event.data(LabSubmissionCreated.class);
        GradingJob job = Reactive.await(() -> grading.startGrading(event.tenantId(), created.submissionId()));
        if (job == null) {
            return; // already graded: a redelivery after the verdict was stored
        }
        SubmissionRunner.Result result = grader.grade(job, progress.of(job));
        Reactive.await(() -> grading.finishGrading(CONSUMER, event.id(), job, result));
    }
}
