package dev.kelas.lab.grading;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelas.contracts.Subjects;
import dev.kelas.runtime.messaging.JetStreamClient;
import dev.kelas.runtime.messaging.Reactive;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Live progress of a submission being graded. As each test finishes it is recorded on the submission (so
 * {@code GET /api/v1/lab/submissions/{id}} shows it while the submission is RUNNING) and announced to the
 * student on core NATS {@code kelas.live.<tenant>.<student>} as an unstored live update of type
 * {@value #TYPE}, which every notification-service replica relays to the student's SSE and WebSocket
 * connections. Nothing here may fail or hold up grading: a failed record or publish is logged and skipped
 * (the durable {@code kelas.lab.submission.graded} event and the final results are unaffected).
 */
@ApplicationScoped
public class LiveProgress {
    /** The event name clients see for one finished test. */
    public static final String TYPE = "kelas.lab.submission.test-finished";
    private static final Logger LOG = Logger.getLogger(LiveProgress.class);

    private final GradingService grading;
    private final JetStreamClient nats;
    private final ObjectMapper json;

    public LiveProgress(GradingService grading, JetStreamClient nats, ObjectMapper json) {
        this.grading = grading;
        this.nats = nats;
        this.json = json;
    }

    /** The progress callback of one grading run of {@code job}; call it on the grading (worker) thread. */
    public SubmissionRunner.Progress of(GradingJob job) {
        return (test, outcome) -> {
            Instant finishedAt = Instant.now();
            try {
                Reactive.await(() -> grading.recordTestResult(job.tenantId(), job.submissionId(), outcome));
            } catch (RuntimeException e) {
                LOG.warnf("Could not record test %d of submission %s as it finished: %s", outcome.ordinal(),
                        job.submissionId(), e.getMessage());
            }
            publish(job, test, outcome, finishedAt);
        };
    }

    /**
     * The JSON data of one finished test: {@code submissionId}, {@code taskId}, {@code ordinal} (1-based),
     * {@code total} (tests of the task), {@code hidden}, {@code verdict}, {@code finishedAt} (the grader's
     * clock) and, for a visible test only, {@code wallMillis} (milliseconds). Memory is not measured by the
     * sandbox, so no memory field is sent.
     */
    ObjectNode data(GradingJob job, GradingJob.Test test, TestOutcome outcome, Instant finishedAt) {
        ObjectNode data = json.createObjectNode()
                .put("submissionId", job.submissionId().toString())
                .put("taskId", job.taskId().toString())
                .put("ordinal", outcome.ordinal())
                .put("total", job.tests().size())
                .put("hidden", test.hidden())
                .put("verdict", outcome.verdict().name());
        if (!test.hidden()) {
            data.put("wallMillis", outcome.wallMillis());
        }
        return data.put("finishedAt", finishedAt.toString());
    }

    private void publish(GradingJob job, GradingJob.Test test, TestOutcome outcome, Instant finishedAt) {
        try {
            ObjectNode update = json.createObjectNode()
                    .put("tenantId", job.tenantId().toString())
                    .put("userId", job.studentId().toString())
                    .put("type", TYPE);
            update.set("data", data(job, test, outcome, finishedAt));
            nats.connection().publish(Subjects.live(job.tenantId(), job.studentId()), json.writeValueAsBytes(update));
        } catch (Exception e) {
            LOG.debugf("Live progress of submission %s test %d not published: %s", job.submissionId(),
                    outcome.ordinal(), e.getMessage());
        }
    }
}
