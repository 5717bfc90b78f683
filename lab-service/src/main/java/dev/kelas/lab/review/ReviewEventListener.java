package dev.kelas.lab.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.SubmissionGraded;
import dev.kelas.lab.config.LabConfig;
import dev.kelas.runtime.messaging.ConsumerSpec;
import dev.kelas.runtime.messaging.IncomingEvent;
import dev.kelas.runtime.messaging.JetStreamClient;
import dev.kelas.runtime.messaging.JetStreamConsumers;
import dev.kelas.runtime.messaging.Reactive;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * The reviewers: take {@code kelas.lab.submission.graded} from the durable consumer {@code lab-reviews} (a work
 * queue across every process that grades), write the submission's review with the {@link OfflineReviewer}, store it
 * and tell the student on core NATS {@code kelas.live.<tenant>.<student>} (live update
 * {@value #TYPE}), then ack. A review that fails on every attempt is stored FAILED; the verdict never waits for a
 * review nor changes with one.
 */
@ApplicationScoped
public class ReviewEventListener {
    static final String CONSUMER = "lab-reviews";
    /** The live update's type when a submission's review is stored. */
    public static final String TYPE = "kelas.lab.submission.reviewed";
    private static final Logger LOG = Logger.getLogger(ReviewEventListener.class);

    private final JetStreamConsumers consumers;
    private final ReviewService reviews;
    private final OfflineReviewer reviewer;
    private final ReviewConfig config;
    private final LabConfig lab;
    private final JetStreamClient nats;
    private final ObjectMapper json;

    public ReviewEventListener(JetStreamConsumers consumers, ReviewService reviews, OfflineReviewer reviewer, ReviewConfig config,
                               LabConfig lab, JetStreamClient nats, ObjectMapper json) {
        this.consumers = consumers;
        this.reviews = reviews;
        this.reviewer = reviewer;
        this.config = config;
        this.lab = lab;
        this.nats = nats;
        this.json = json;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled() || !lab.grader().enabled()) {
            return;
        }
        consumers.start(ConsumerSpec.of(CONSUMER, Subjects.Stream.KELAS_LAB, Subjects.LAB_SUBMISSION_GRADED)
                        .withAckWait(config.ackWait())
                        .withConcurrency(config.concurrency())
                        .withMaxDeliver(config.maxDeliver())
                        .withDeadLetterHandler((failed, error) -> Reactive.await(() -> reviews.storeFailure(failed.tenantId(),
                                failed.data(SubmissionGraded.class).submissionId(), "The review failed after every attempt"))),
                this::onSubmissionGraded);
    }

    void onSubmissionGraded(IncomingEvent event) throws Exception {
        SubmissionGraded graded = event.data(SubmissionGraded.class);
        ReviewService.ReviewJob job = Reactive.await(() -> reviews.startReview(event.tenantId(), graded.submissionId()));
        if (job == null) {
            return; // feedback off, or the submission is no longer graded
        }
        OfflineReviewer.Review review = reviewer.review(job);
        CodeReview stored = Reactive.await(() -> reviews.store(job, OfflineReviewer.PROVIDER, null, review.findings(), review.toolsRun(),
                review.toolsMissing(), null, review.wallMillis()));
        announce(job, stored, review.findings().size());
    }

    private void announce(ReviewService.ReviewJob job, CodeReview review, int findings) {
        try {
            ObjectNode data = json.createObjectNode()
                    .put("submissionId", job.submissionId().toString())
                    .put("taskId", job.taskId().toString())
                    .put("status", review.status.name())
                    .put("provider", review.provider)
                    .put("findings", findings);
            ObjectNode update = json.createObjectNode()
                    .put("tenantId", job.tenantId().toString())
                    .put("userId", job.studentId().toString())
                    .put("type", TYPE);
            update.set("data", data);
            nats.connection().publish(Subjects.live(job.tenantId(), job.studentId()), json.writeValueAsBytes(update));
        } catch (Exception e) {
            LOG.debugf("Review of submission %s stored but not announced: %s", job.submissionId(), e.getMessage());
        }
    }
}
