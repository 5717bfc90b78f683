package dev.kelas.lab.similarity;

import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.SimilarityCheckRequested;
import dev.kelas.lab.config.LabConfig;
import dev.kelas.runtime.messaging.ConsumerSpec;
import dev.kelas.runtime.messaging.IncomingEvent;
import dev.kelas.runtime.messaging.JetStreamConsumers;
import dev.kelas.runtime.messaging.Reactive;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;

/**
 * The similarity lane: takes {@code kelas.lab.similarity.requested} from its own shared durable consumer
 * {@code lab-similarity-checks} (a work queue across every lab-service process with
 * {@code kelas.lab.similarity.enabled}, graders or not), with {@code kelas.lab.similarity.concurrency} worker
 * threads of its own, so a check never waits behind gradings or runs and never takes a sandbox slot. JPlag runs
 * outside any transaction while the runtime keeps the message in progress; the pairs are stored before the ack,
 * and a checker that dies leaves the check to be redelivered. Records {@code kelas_lab_similarity_check_seconds}.
 */
@ApplicationScoped
public class SimilarityEventListener {
    static final String CONSUMER = "lab-similarity-checks";

    private final JetStreamConsumers consumers;
    private final SimilarityService checks;
    private final LabConfig config;
    private final MeterRegistry metrics;

    public SimilarityEventListener(JetStreamConsumers consumers, SimilarityService checks, LabConfig config,
                                   MeterRegistry metrics) {
        this.consumers = consumers;
        this.checks = checks;
        this.config = config;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent event) {
        LabConfig.Similarity similarity = config.similarity();
        if (!similarity.enabled()) {
            return;
        }
        consumers.start(ConsumerSpec.of(CONSUMER, Subjects.Stream.KELAS_LAB, Subjects.LAB_SIMILARITY_REQUESTED)
                .withAckWait(similarity.ackWait())
                .withConcurrency(similarity.concurrency())
                .withMaxDeliver(similarity.maxDeliver())
                .withDeadLetterHandler((failed, error) -> Reactive.await(() -> checks.failCheck(failed.tenantId(),
                        failed.data(SimilarityCheckRequested.class).checkId(), "The similarity check failed after every attempt"))),
                this::onCheckRequested);
    }

    void onCheckRequested(IncomingEvent event) throws Exception {
        SimilarityCheckRequested requested = event.data(SimilarityCheckRequested.class);
        SimilarityService.CheckJob job = Reactive.await(() -> checks.startCheck(event.tenantId(), requested.checkId()));
        if (job == null) {
            return; // already done (a redelivery), or deleted with its task
        }
        Timer.Sample sample = Timer.start(metrics);
        SimilarityDetector.Outcome outcome = SimilarityDetector.compare(job.language(), job.sources(), job.threshold(),
                config.similarity().maxPairs(), Path.of(config.similarity().workRoot()));
        sample.stop(metrics.timer("kelas_lab_similarity_check_seconds", "language", job.language()));
        Reactive.await(() -> checks.finishCheck(job, outcome));
    }
}
