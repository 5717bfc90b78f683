package dev.kelas.lab.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.LabReviewRequested;
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
import dev.kelas.lab.review.ai.AiProviders;
import dev.kelas.lab.review.ai.Prompt;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The reviewers: take {@code kelas.lab.submission.graded} from the durable consumer {@code lab-reviews} (a work
 * queue across every process that grades), write the submission's review with the {@link OfflineReviewer} (and, for a
 * task in AI mode within the daily limits of the {@link AiReviewLedger}, the {@link AiProviders} chain, streamed to the student), store it
 * and tell the student on core NATS {@code kelas.live.<tenant>.<student>} (live update
 * {@value #TYPE}), then ack. A review that fails on every attempt is stored FAILED; the verdict never waits for a
 * review nor changes with one.
 */
@ApplicationScoped
public class ReviewEventListener {
    static final String CONSUMER = "lab-reviews";
    /** The durable consumer of on-demand reviews ({@code kelas.lab.review.requested}). */
    static final String REQUESTS_CONSUMER = "lab-review-requests";
    /** The live update's type when a submission's review is stored. */
    public static final String TYPE = "kelas.lab.submission.reviewed";
    /** The live update's type when an AI provider starts answering. */
    public static final String STARTED_TYPE = "kelas.lab.submission.review-started";
    /** The live update's type of each piece of an AI provider's text. */
    public static final String DELTA_TYPE = "kelas.lab.submission.review-delta";
    /** The chain's outcome when the school turned AI feedback off. */
    public static final String SCHOOL_AI_OFF = "school-ai-off";
    private static final Logger LOG = Logger.getLogger(ReviewEventListener.class);

    private final JetStreamConsumers consumers;
    private final ReviewService reviews;
    private final OfflineReviewer reviewer;
    private final ReviewConfig config;
    private final LabConfig lab;
    private final JetStreamClient nats;
    private final ObjectMapper json;
    private final AiProviders providers;
    private final AiReviewLedger ledger;

    public ReviewEventListener(JetStreamConsumers consumers, ReviewService reviews, OfflineReviewer reviewer, ReviewConfig config,
                               LabConfig lab, JetStreamClient nats, ObjectMapper json, AiProviders providers, AiReviewLedger ledger) {
        this.providers = providers;
        this.ledger = ledger;
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
        consumers.start(ConsumerSpec.of(REQUESTS_CONSUMER, Subjects.Stream.KELAS_LAB, Subjects.LAB_REVIEW_REQUESTED)
                        .withAckWait(config.ackWait())
                        .withConcurrency(config.concurrency())
                        .withMaxDeliver(config.maxDeliver())
                        .withDeadLetterHandler((failed, error) -> Reactive.await(() -> reviews.storeFailure(failed.tenantId(),
                                failed.data(LabReviewRequested.class).submissionId(), "The review failed after every attempt"))),
                this::onReviewRequested);
    }

    void onSubmissionGraded(IncomingEvent event) throws Exception {
        review(event.tenantId(), event.data(SubmissionGraded.class).submissionId());
    }

    void onReviewRequested(IncomingEvent event) throws Exception {
        review(event.tenantId(), event.data(LabReviewRequested.class).submissionId());
    }

    /** Writes, stores and announces the review of one graded submission (nothing when its feedback is off or it is not graded). */
    private void review(java.util.UUID tenantId, java.util.UUID submissionId) throws Exception {
        ReviewService.ReviewJob job = Reactive.await(() -> reviews.startReview(tenantId, submissionId));
        if (job == null) {
            return; // feedback off, or the submission is no longer graded
        }
        long started = System.nanoTime();
        OfflineReviewer.Review review = reviewer.review(job);
        String provider = OfflineReviewer.PROVIDER;
        ReviewService.AiPart ai = new ReviewService.AiPart(null, null, null, null, null, List.of());
        if (job.mode() == FeedbackSettings.Mode.AI && providers.configured() && !job.schoolAi()) {
            ai = new ReviewService.AiPart(null, null, null, null, null, List.of(new AiProviders.Attempt("chain", SCHOOL_AI_OFF)));
        } else if (job.mode() == FeedbackSettings.Mode.AI && providers.configured()) {
            AiReviewLedger.Outcome reserved = Reactive.await(() -> ledger.reserve(job.tenantId(), job.studentId(),
                    config.studentDailyAiLimit(), config.schoolDailyAiLimit()));
            if (reserved.limitReached() != null) {
                ai = new ReviewService.AiPart(null, null, null, null, null,
                        List.of(new AiProviders.Attempt("chain", reserved.limitReached())));
            } else {
                AiProviders.Result result = providers.stream(Prompt.of(job, review.findings()), new Streamer(job));
                if (result.completion() != null) {
                    provider = result.provider();
                    ai = new ReviewService.AiPart(result.completion().text(), result.completion().model(), result.completion().inputTokens(),
                            result.completion().outputTokens(), result.cost(), result.attempts());
                } else {
                    Reactive.await(() -> ledger.release(reserved.reservation()));
                    ai = new ReviewService.AiPart(null, null, null, null, null, result.attempts());
                }
            }
        }
        String answeredBy = provider;
        ReviewService.AiPart part = ai;
        int wallMillis = (int) ((System.nanoTime() - started) / 1_000_000);
        CodeReview stored = Reactive.await(() -> reviews.store(job, answeredBy, review.findings(), review.toolsRun(), review.toolsMissing(),
                part, wallMillis));
        announce(job, stored, review.findings().size());
    }

    /**
     * Streams an AI provider's text to the student as it arrives: live update {@value #STARTED_TYPE} when a provider
     * starts (text of one before it that failed mid-way is void), then {@value #DELTA_TYPE} per piece with a sequence
     * number from 1, in order (one core NATS connection keeps the order).
     */
    private final class Streamer implements AiProviders.Listener {
        private final ReviewService.ReviewJob job;
        private int seq;

        Streamer(ReviewService.ReviewJob job) {
            this.job = job;
        }

        @Override
        public void on(String provider, String delta) {
            ObjectNode data = json.createObjectNode().put("submissionId", job.submissionId().toString()).put("provider", provider);
            if (delta == null) {
                seq = 0;
                publish(job, STARTED_TYPE, data);
            } else {
                publish(job, DELTA_TYPE, data.put("seq", ++seq).put("text", delta));
            }
        }
    }

    private void publish(ReviewService.ReviewJob job, String type, ObjectNode data) {
        try {
            ObjectNode update = json.createObjectNode()
                    .put("tenantId", job.tenantId().toString())
                    .put("userId", job.studentId().toString())
                    .put("type", type);
            update.set("data", data);
            nats.connection().publish(Subjects.live(job.tenantId(), job.studentId()), json.writeValueAsBytes(update));
        } catch (Exception e) {
            LOG.debugf("Live update %s of submission %s not published: %s", type, job.submissionId(), e.getMessage());
        }
    }

    private void announce(ReviewService.ReviewJob job, CodeReview review, int findings) {
        publish(job, TYPE, json.createObjectNode()
                .put("submissionId", job.submissionId().toString())
                .put("taskId", job.taskId().toString())
                .put("status", review.status.name())
                .put("provider", review.provider)
                .put("findings", findings));
    }
}
