package dev.kelas.lab.similarity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelas.contracts.ErrorCode;
import dev.kelas.contracts.events.SimilarityCheckRequested;
import dev.kelas.lab.config.LabConfig;
import dev.kelas.lab.submission.CodeSubmission;
import dev.kelas.lab.task.TaskService;
import dev.kelas.runtime.outbox.Outbox;
import dev.kelas.runtime.problem.ForbiddenException;
import dev.kelas.runtime.problem.KelasException;
import dev.kelas.runtime.problem.NotFoundException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Similarity checks: a teacher asks, a checker compares in the background. A request stores a QUEUED
 * {@link SimilarityCheck} and {@code kelas.lab.similarity.requested} in one transaction; a checker in any
 * lab-service process with {@code kelas.lab.similarity.enabled} (durable consumer {@code lab-similarity-checks})
 * loads the latest submission of each student of the task in the check's language, compares them with
 * {@link SimilarityDetector} (JPlag) outside any transaction, and stores the pairs at or above the threshold.
 * The latest submission, not the best: it is the one the student stands behind now, and "best" would make the
 * check wait for (and depend on) grading.
 */
@ApplicationScoped
public class SimilarityService {
    private static final TypeReference<List<SimilarityDetector.Region>> REGIONS = new TypeReference<>() {
    };
    private static final String LATEST = " from CodeSubmission s where s.tenantId = :tenant and s.taskId = :task"
            + " and s.language = :language and s.createdAt = (select max(t.createdAt) from CodeSubmission t"
            + " where t.tenantId = s.tenantId and t.taskId = s.taskId and t.studentId = s.studentId and t.language = s.language)";

    private final LabConfig config;
    private final Outbox outbox;
    private final ObjectMapper json;

    public SimilarityService(LabConfig config, Outbox outbox, ObjectMapper json) {
        this.config = config;
        this.outbox = outbox;
        this.json = json;
    }

    /** A check with its pairs (empty until FINISHED), most similar first. */
    public record CheckView(SimilarityCheck check, List<PairView> pairs) {
    }

    /** One stored pair with its matching regions. */
    public record PairView(SimilarityPair pair, List<SimilarityDetector.Region> matches) {
    }

    /**
     * Everything a checker needs for one check, detached from the database.
     *
     * @param omitted students' latest submissions left out over {@code kelas.lab.similarity.max-submissions}
     */
    public record CheckJob(UUID tenantId, UUID checkId, String language, double threshold,
                           List<SimilarityDetector.Source> sources, int omitted) {
    }

    /**
     * Queues a similarity check of a task.
     *
     * @param threshold 0..1; null: {@code kelas.lab.similarity.default-threshold}
     * @param language  key of {@code kelas.lab.languages}; null: the task's language
     * @return the QUEUED check
     * @throws KelasException     400 VALIDATION_ERROR for a threshold outside 0..1, or a language that is not
     *                            configured or that JPlag cannot compare
     * @throws NotFoundException  if the task is not in the caller's school
     * @throws ForbiddenException if the caller is neither the class's teacher nor an administrator
     */
    @WithTransaction
    public Uni<SimilarityCheck> requestCheck(Caller caller, UUID taskId, Double threshold, String language) {
        double limit = threshold != null ? threshold : config.similarity().defaultThreshold();
        if (!(limit >= 0 && limit <= 1)) {
            throw badInput("threshold", "The threshold is a fraction from 0 to 1");
        }
        UUID tenantId = caller.tenantId();
        UUID userId = caller.userId();
        return TaskService.managedTask(caller, taskId).chain(task -> {
            String compared = language != null ? language : task.language;
            if (!config.languages().containsKey(compared) || !SimilarityDetector.supports(compared)) {
                throw badInput("language", "Similarity checks compare " + SimilarityDetector.supportedLanguages().stream()
                        .filter(config.languages()::containsKey).toList() + ", not " + compared);
            }
            SimilarityCheck check = SimilarityCheck.queue(tenantId, taskId, userId, compared, limit, Instant.now());
            return check.<SimilarityCheck>persist().call(() -> outbox.record(tenantId,
                    new SimilarityCheckRequested(check.id, taskId, userId, compared, check.createdAt)));
        });
    }

    /**
     * A check and its pairs, as the task's class teacher or an administrator sees it.
     *
     * @param taskId the task it must belong to, or null for any
     * @throws NotFoundException  if there is no such check in the caller's school (or not of that task)
     * @throws ForbiddenException if the caller is neither the class's teacher nor an administrator
     */
    @WithSession
    public Uni<CheckView> viewCheck(Caller caller, UUID taskId, UUID checkId) {
        UUID tenantId = caller.tenantId();
        return SimilarityCheck.findInTenant(tenantId, checkId).chain(check -> {
            if (check == null || (taskId != null && !check.taskId.equals(taskId))) {
                throw new NotFoundException("similarity check", checkId);
            }
            return TaskService.managedTask(caller, check.taskId)
                    .chain(task -> check.status == SimilarityStatus.FINISHED
                            ? SimilarityPair.ofCheck(tenantId, checkId) : Uni.createFrom().item(List.<SimilarityPair>of()))
                    .map(pairs -> new CheckView(check, pairs.stream().map(this::viewOf).toList()));
        });
    }

    /**
     * A task's checks, newest first (at most 50), without their pairs.
     *
     * @throws NotFoundException  if the task is not in the caller's school
     * @throws ForbiddenException if the caller is neither the class's teacher nor an administrator
     */
    @WithSession
    public Uni<List<SimilarityCheck>> listChecks(Caller caller, UUID taskId) {
        return TaskService.managedTask(caller, taskId).chain(task -> SimilarityCheck.forTask(caller.tenantId(), taskId, 50));
    }

    /**
     * Marks a check RUNNING and loads the latest submission of each student of its task in its language, the
     * newest {@code kelas.lab.similarity.max-submissions} of them.
     *
     * @return the job, or null when the check is already done (a redelivery) or gone with its task
     */
    @WithTransaction
    public Uni<CheckJob> startCheck(UUID tenantId, UUID checkId) {
        int cap = config.similarity().maxSubmissions();
        return SimilarityCheck.findInTenant(tenantId, checkId).chain(check -> {
            if (check == null || check.status.done()) {
                return Uni.createFrom().nullItem();
            }
            check.start(Instant.now());
            String fileName = config.languages().get(check.language).sourceFile();
            return Panache.getSession().chain(session -> session
                    .createSelectionQuery("select count(*)" + LATEST, Long.class)
                    .setParameter("tenant", tenantId).setParameter("task", check.taskId).setParameter("language", check.language)
                    .getSingleResult()
                    .chain(total -> session.createSelectionQuery("select s" + LATEST + " order by s.createdAt desc, s.id", CodeSubmission.class)
                            .setParameter("tenant", tenantId).setParameter("task", check.taskId).setParameter("language", check.language)
                            .setMaxResults(cap).getResultList()
                            .map(latest -> new CheckJob(tenantId, check.id, check.language, check.threshold,
                                    latest.stream().map(s -> new SimilarityDetector.Source(s.id, s.studentId, fileName, s.sourceCode)).toList(),
                                    (int) Math.max(0, total - latest.size())))));
        });
    }

    /** Stores a check's pairs and marks it FINISHED, once: a check already done (or gone) is left as it is. */
    @WithTransaction
    public Uni<Void> finishCheck(CheckJob job, SimilarityDetector.Outcome outcome) {
        return SimilarityCheck.findInTenant(job.tenantId(), job.checkId()).chain(check -> {
            if (check == null || check.status.done()) {
                return Uni.createFrom().voidItem();
            }
            List<SimilarityPair> pairs = outcome.pairs().stream().map(p -> pairOf(job, p)).toList();
            check.finish(outcome.compared(), job.omitted(), Instant.now());
            return SimilarityPair.deleteOfCheck(job.tenantId(), job.checkId())
                    .chain(() -> pairs.isEmpty() ? Uni.createFrom().voidItem() : SimilarityPair.persist(pairs));
        });
    }

    /** Ends a check FAILED after every attempt failed. */
    @WithTransaction
    public Uni<Void> failCheck(UUID tenantId, UUID checkId, String reason) {
        return SimilarityCheck.findInTenant(tenantId, checkId).invoke(check -> {
            if (check != null && !check.status.done()) {
                check.fail(reason, Instant.now());
            }
        }).replaceWithVoid();
    }

    private SimilarityPair pairOf(CheckJob job, SimilarityDetector.Pair found) {
        SimilarityPair pair = new SimilarityPair();
        pair.id = UUID.randomUUID();
        pair.tenantId = job.tenantId();
        pair.checkId = job.checkId();
        pair.submissionA = found.a().submissionId();
        pair.studentA = found.a().studentId();
        pair.submissionB = found.b().submissionId();
        pair.studentB = found.b().studentId();
        pair.similarity = found.similarity();
        try {
            pair.matches = json.writeValueAsString(found.matches());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Matches not writable as JSON", e);
        }
        return pair;
    }

    private PairView viewOf(SimilarityPair pair) {
        try {
            return new PairView(pair, json.readValue(pair.matches, REGIONS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored matches are not JSON", e);
        }
    }

    private static KelasException badInput(String field, String message) {
        return new KelasException(400, ErrorCode.VALIDATION_ERROR, message, List.of(new KelasException.FieldError(field, message)));
    }
}
