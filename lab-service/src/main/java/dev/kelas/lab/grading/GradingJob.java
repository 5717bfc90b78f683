package dev.kelas.lab.grading;

import dev.kelas.lab.sandbox.SandboxLimits;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Everything a grader needs to judge one submission, detached from the database.
 *
 * @param tests         the task's tests in order
 * @param checkerSource the task's checker program (Python) for {@link Checker#PROGRAM} tests, or null
 * @param submittedAt   when the student submitted (for the time-in-queue metric)
 * @param validateHtml  a WEB task's: check the HTML files with the Nu Html Checker
 */
public record GradingJob(UUID tenantId, UUID submissionId, UUID taskId, UUID assignmentId, UUID classId,
                         UUID studentId, String language, String sourceCode, SandboxLimits limits, List<Test> tests,
                         String checkerSource, java.time.Instant submittedAt, boolean validateHtml) {

    /** A job without HTML validation (every non-WEB task). */
    public GradingJob(UUID tenantId, UUID submissionId, UUID taskId, UUID assignmentId, UUID classId,
                      UUID studentId, String language, String sourceCode, SandboxLimits limits, List<Test> tests,
                      String checkerSource, java.time.Instant submittedAt) {
        this(tenantId, submissionId, taskId, assignmentId, classId, studentId, language, sourceCode, limits, tests,
                checkerSource, submittedAt, false);
    }

    /**
     * One test to run: input, expected output, how to compare, and its points.
     *
     * @param tolerance for {@link Checker#FLOAT}: largest accepted absolute or relative difference
     * @param hidden    the student sees only this test's verdict (its live progress carries nothing else)
     */
    public record Test(int ordinal, String stdin, String expectedStdout, Checker checker, double tolerance,
                       BigDecimal points, boolean hidden) {

        /** A visible test. */
        public Test(int ordinal, String stdin, String expectedStdout, Checker checker, double tolerance, BigDecimal points) {
            this(ordinal, stdin, expectedStdout, checker, tolerance, points, false);
        }
    }
}
