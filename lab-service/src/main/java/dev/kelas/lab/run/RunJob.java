package dev.kelas.lab.run;

import dev.kelas.lab.sandbox.SandboxLimits;
import java.util.UUID;

/**
 * Everything a runner needs for one run, detached from the database.
 *
 * @param limits the task's limits (the same as its grading's)
 */
public record RunJob(UUID tenantId, UUID runId, String language, String sourceCode, String stdin, SandboxLimits limits) {
}
