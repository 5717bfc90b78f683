package dev.kelas.lab.run;

import dev.kelas.contracts.ErrorCode;
import dev.kelas.contracts.Role;
import dev.kelas.contracts.events.LabRunRequested;
import dev.kelas.lab.config.LabConfig;
import dev.kelas.lab.enrollment.LabEnrollment;
import dev.kelas.lab.sandbox.SandboxLimits;
import dev.kelas.lab.task.CodingTask;
import dev.kelas.runtime.outbox.Outbox;
import dev.kelas.runtime.problem.ForbiddenException;
import dev.kelas.runtime.problem.KelasException;
import dev.kelas.runtime.problem.NotFoundException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * "Run": code run ungraded on the caller's own standard input, in the grading sandbox with the task's
 * limits. A request stores a QUEUED run and {@code kelas.lab.run.requested} in one transaction; a runner in
 * any grader process (durable consumer {@code lab-runs}) stores the result in the row, and the request
 * polls the row until it is done or {@code kelas.lab.run.wait} has passed, so it does not matter which
 * replica runs it.
 */
@ApplicationScoped
public class RunService {
    private static final long FIRST_POLL_MILLIS = 20;
    private static final long MAX_POLL_MILLIS = 200;

    private final LabConfig config;
    private final Outbox outbox;
    private final Vertx vertx;

    public RunService(LabConfig config, Outbox outbox, Vertx vertx) {
        this.config = config;
        this.outbox = outbox;
        this.vertx = vertx;
    }

    /**
     * Queues a run, prunes the caller's history of the task to {@code kelas.lab.run.history-size}, and waits
     * up to {@code kelas.lab.run.wait} for its result.
     *
     * @param stdin the input, null for none
     * @return the run: FINISHED or FAILED when it ended in time, else still QUEUED or RUNNING
     * @throws KelasException     400 VALIDATION_ERROR for a language not configured, code over the task's
     *                            (or {@code kelas.lab.max-source-kib}) limit, stdin over {@code kelas.lab.run.max-stdin-kib}
     * @throws NotFoundException  if the task is not in the caller's school or is archived
     * @throws ForbiddenException for a student not enrolled in the task's class, or a teacher not its teacher
     */
    public Uni<LabRun> runCode(Caller caller, UUID taskId, String language, String code, String stdin) {
        UUID tenantId = caller.tenantId();
        UUID userId = caller.userId();
        boolean student = caller.hasRole(Role.STUDENT);
        boolean admin = caller.hasRole(Role.ADMIN);
        String input = stdin == null ? "" : stdin;
        long deadline = System.nanoTime() + config.run().waitTime().toNanos();
        return Panache.withTransaction(() -> queueRun(tenantId, userId, student, admin, taskId, language, code, input))
                .chain(run -> run.status.done() || System.nanoTime() >= deadline
                        ? Uni.createFrom().item(run) : poll(tenantId, userId, run.id, deadline, FIRST_POLL_MILLIS));
    }

    private Uni<LabRun> queueRun(UUID tenantId, UUID userId, boolean student, boolean admin, UUID taskId,
                                 String language, String code, String stdin) {
        if (!config.languages().containsKey(language)) {
            throw badInput("language", "Unknown language " + language + "; this lab runs " + config.languages().keySet().stream().sorted().toList());
        }
        int stdinLimitKib = config.run().maxStdinKib();
        if (stdin.getBytes(StandardCharsets.UTF_8).length > stdinLimitKib * 1024) {
            throw badInput("stdin", "The input is larger than " + stdinLimitKib + " KiB");
        }
        int codeBytes = code.getBytes(StandardCharsets.UTF_8).length;
        return CodingTask.findInTenant(tenantId, taskId).chain(task -> {
            if (task == null || task.archivedAt != null) {
                throw new NotFoundException("task", taskId);
            }
            int codeLimitKib = task.maxSourceKib != null ? task.maxSourceKib : config.maxSourceKib();
            if (codeBytes > codeLimitKib * 1024) {
                throw badInput("code", "The code is larger than " + codeLimitKib + " KiB");
            }
            Uni<Boolean> allowed = admin ? Uni.createFrom().item(true)
                    : student ? LabEnrollment.exists(tenantId, task.classId, userId)
                    : Uni.createFrom().item(task.teacherId.equals(userId));
            return allowed.chain(ok -> {
                if (!ok) {
                    throw new ForbiddenException(student ? "You are not enrolled in this task's class"
                            : "Only the class's teacher may run code on this task");
                }
                LabRun run = LabRun.queue(tenantId, taskId, userId, language, code, stdin, Instant.now());
                return run.<LabRun>persist()
                        .call(() -> outbox.record(tenantId, new LabRunRequested(run.id, taskId, userId, language, run.createdAt)))
                        .call(() -> LabRun.prune(tenantId, taskId, userId, config.run().historySize()));
            });
        });
    }

    private Uni<LabRun> poll(UUID tenantId, UUID userId, UUID runId, long deadline, long delayMillis) {
        long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        return sleep(Math.min(delayMillis, left))
                // a fresh session per look, so the row is read from the database, not a session's cache
                .chain(() -> Panache.withSession(() -> LabRun.findInTenant(tenantId, runId)))
                .chain(run -> {
                    if (run == null || !run.userId.equals(userId)) {
                        throw new NotFoundException("run", runId); // pruned meanwhile by the caller's newer runs
                    }
                    return run.status.done() || System.nanoTime() >= deadline ? Uni.createFrom().item(run)
                            : poll(tenantId, userId, runId, deadline, Math.min(delayMillis * 2, MAX_POLL_MILLIS));
                });
    }

    private Uni<Void> sleep(long millis) {
        return Uni.createFrom().emitter(done -> vertx.setTimer(millis, id -> done.complete(null)));
    }

    /**
     * One of the caller's own runs.
     *
     * @throws NotFoundException if it is not the caller's, not in their school, or pruned
     */
    @WithSession
    public Uni<LabRun> viewRun(Caller caller, UUID runId) {
        UUID userId = caller.userId();
        return LabRun.findInTenant(caller.tenantId(), runId).map(run -> {
            if (run == null || !run.userId.equals(userId)) {
                throw new NotFoundException("run", runId);
            }
            return run;
        });
    }

    /**
     * The caller's runs of a task, newest first (at most {@code kelas.lab.run.history-size}).
     *
     * @throws NotFoundException if the task is not in the caller's school
     */
    @WithSession
    public Uni<List<LabRun>> runHistory(Caller caller, UUID taskId) {
        UUID tenantId = caller.tenantId();
        UUID userId = caller.userId();
        return CodingTask.findInTenant(tenantId, taskId).chain(task -> {
            if (task == null) {
                throw new NotFoundException("task", taskId);
            }
            return LabRun.history(tenantId, taskId, userId, config.run().historySize());
        });
    }

    /**
     * Marks a run RUNNING and returns what the runner needs.
     *
     * @return the job, or null when the run is already done (a redelivery) or was pruned
     */
    @WithTransaction
    public Uni<RunJob> startRun(UUID tenantId, UUID runId) {
        return LabRun.findInTenant(tenantId, runId).chain(run -> {
            if (run == null || run.status.done()) {
                return Uni.createFrom().nullItem();
            }
            return CodingTask.findInTenant(tenantId, run.taskId).map(task -> {
                run.start(Instant.now());
                return new RunJob(tenantId, run.id, run.language, run.sourceCode, run.stdin,
                        new SandboxLimits(task.cpuSeconds, task.wallSeconds.doubleValue(), task.memoryMib, task.outputKib,
                                task.maxProcesses, config.sandbox().fileSizeKib(), config.sandbox().tmpfsMib()));
            });
        });
    }

    /** Stores the run's result, once: a run already done (or pruned) is left as it is. */
    @WithTransaction
    public Uni<Void> finishRun(RunJob job, RunOutcome outcome) {
        return LabRun.findInTenant(job.tenantId(), job.runId()).invoke(run -> {
            if (run != null && !run.status.done()) {
                run.finish(outcome, Instant.now());
            }
        }).replaceWithVoid();
    }

    /** Ends a run FAILED / INTERNAL_ERROR after every attempt failed. */
    @WithTransaction
    public Uni<Void> failRun(UUID tenantId, UUID runId, String reason) {
        return LabRun.findInTenant(tenantId, runId).invoke(run -> {
            if (run != null && !run.status.done()) {
                run.fail(reason, Instant.now());
            }
        }).replaceWithVoid();
    }

    private static KelasException badInput(String field, String message) {
        return new KelasException(400, ErrorCode.VALIDATION_ERROR, message, List.of(new KelasException.FieldError(field, message)));
    }
}
