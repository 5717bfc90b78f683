package dev.kelas.lab.grading;

import dev.kelas.lab.sandbox.SandboxLimits;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Everything a grader needs to judge one submission, detached from the database.
 *
 * @param tests the task's tests in order
 */
public record GradingJob(UUID tenantId, UUID submissionId, UUID taskId, UUID assignmentId, UUID classId,
                         UUID studentId, String language, String sourceCode, SandboxLimits limits, List<Test> tests) {

    /** One test to run: input, expected output and its points. */
    public record Test(int ordinal, String stdin, String expectedStdout, BigDecimal points) {
    }
}
