package dev.kelas.lab.run.dto;

import dev.kelas.contracts.Verdict;
import dev.kelas.lab.run.LabRun;
import dev.kelas.lab.run.RunStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * One run and, once FINISHED, how it ended.
 *
 * @param verdict    null when the program ended by itself within the limits (see {@code exitCode}); else
 *                   TIME_LIMIT_EXCEEDED, MEMORY_LIMIT_EXCEEDED, OUTPUT_LIMIT_EXCEEDED, RUNTIME_ERROR,
 *                   COMPILATION_ERROR, or INTERNAL_ERROR for a FAILED run
 * @param exitCode   exit status (128 + n for signal n, -1 when the sandbox killed it), or the compiler's
 * @param timeMillis wall-clock time of the run, milliseconds
 * @param memoryKib  peak resident memory of the program, KiB (null when not measured)
 * @param error      why a FAILED run failed
 */
public record RunResponse(UUID id, UUID taskId, String language, RunStatus status, Verdict verdict, Integer exitCode,
                          String stdout, String stderr, Integer timeMillis, Integer memoryKib, String error, String code,
                          String stdin, Instant createdAt, Instant finishedAt) {

    /** The response for a run. */
    public static RunResponse of(LabRun run) {
        return new RunResponse(run.id, run.taskId, run.language, run.status, run.verdict, run.exitCode, run.stdout,
                run.stderr, run.wallMillis, run.memoryKib, run.error, run.sourceCode, run.stdin, run.createdAt,
                run.finishedAt);
    }
}
