package dev.kelas.lab.run;

import dev.kelas.contracts.Verdict;
import dev.kelas.runtime.persistence.TenantEntity;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One ungraded run of someone's code on their own standard input, with what it printed, how it ended,
 * its wall-clock time and peak memory. Only the newest {@code kelas.lab.run.history-size} runs per user
 * and task are kept.
 */
@Entity
@Table(name = "lab_run")
public class LabRun extends TenantEntity {
    public UUID taskId;
    /** Who asked (a student, or the class's teacher trying the task). */
    public UUID userId;
    /** Key of {@code kelas.lab.languages}. */
    public String language;
    public String sourceCode;
    public String stdin;
    @Enumerated(EnumType.STRING)
    public RunStatus status;
    /**
     * How the run ended in the judges' words: null when the program ended by itself within the limits
     * (whatever its exit status), else TIME_LIMIT_EXCEEDED, MEMORY_LIMIT_EXCEEDED, OUTPUT_LIMIT_EXCEEDED,
     * RUNTIME_ERROR (non-zero exit or a signal), COMPILATION_ERROR or INTERNAL_ERROR.
     */
    @Enumerated(EnumType.STRING)
    public Verdict verdict;
    /** The program's exit status (128 + n for signal n, -1 when the sandbox killed it), or the compiler's. */
    public Integer exitCode;
    public String stdout;
    /** Standard error (or the compiler's messages), without the sandbox's memory report. */
    public String stderr;
    /** Wall-clock time of the run, milliseconds. */
    public Integer wallMillis;
    /** Peak resident memory of the program, KiB; null when it could not be measured. */
    public Integer memoryKib;
    /** Why the run FAILED (an internal failure, not the program's). */
    public String error;
    public Instant createdAt;
    public Instant startedAt;
    public Instant finishedAt;

    /**
     * A new QUEUED run.
     *
     * @param stdin the input, never null ({@code ""} for none)
     */
    public static LabRun queue(UUID tenantId, UUID taskId, UUID userId, String language, String sourceCode, String stdin,
                               Instant now) {
        LabRun run = new LabRun();
        run.id = UUID.randomUUID();
        run.tenantId = tenantId;
        run.taskId = taskId;
        run.userId = userId;
        run.language = language;
        run.sourceCode = sourceCode;
        run.stdin = stdin;
        run.status = RunStatus.QUEUED;
        run.createdAt = now;
        return run;
    }

    /** Marks it RUNNING (again, on a redelivery). */
    public void start(Instant now) {
        status = RunStatus.RUNNING;
        startedAt = now;
    }

    /** Stores how the program ended; the run is FINISHED. */
    public void finish(RunOutcome outcome, Instant now) {
        status = RunStatus.FINISHED;
        verdict = outcome.verdict();
        exitCode = outcome.exitCode();
        stdout = outcome.stdout();
        stderr = outcome.stderr();
        wallMillis = (int) Math.min(Integer.MAX_VALUE, outcome.wallMillis());
        memoryKib = outcome.memoryKib();
        error = null;
        finishedAt = now;
    }

    /** Gives up: the run is FAILED with INTERNAL_ERROR and the reason (shown to the caller). */
    public void fail(String reason, Instant now) {
        status = RunStatus.FAILED;
        verdict = Verdict.INTERNAL_ERROR;
        error = reason;
        finishedAt = now;
    }

    /** The run with this id in this tenant, or null. */
    public static Uni<LabRun> findInTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }

    /** A user's runs of a task, newest first, at most {@code limit}. */
    public static Uni<List<LabRun>> history(UUID tenantId, UUID taskId, UUID userId, int limit) {
        return find("tenantId = ?1 and taskId = ?2 and userId = ?3", Sort.descending("createdAt", "id"), tenantId, taskId, userId)
                .range(0, limit - 1).list();
    }

    /**
     * Deletes a user's runs of a task beyond the newest {@code keep}.
     *
     * @return how many were deleted
     */
    public static Uni<Long> prune(UUID tenantId, UUID taskId, UUID userId, int keep) {
        return find("tenantId = ?1 and taskId = ?2 and userId = ?3", Sort.descending("createdAt", "id"), tenantId, taskId, userId)
                .range(keep, keep + 999).<LabRun>list()
                .chain(old -> old.isEmpty() ? Uni.createFrom().item(0L)
                        : delete("id in ?1", old.stream().map(r -> r.id).toList()));
    }
}
