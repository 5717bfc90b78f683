package dev.kelas.lab.task.dto;

import dev.kelas.lab.task.TaskCatalogService;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A task in a class's list.
 *
 * @param maxAttempts the CODING assignment's limit, or null for none
 * @param archivedAt  set for an archived task (only teachers see those)
 * @param progress    the calling student's progress; null for teachers
 */
public record TaskSummaryResponse(UUID id, UUID classId, UUID assignmentId, String title, String language, BigDecimal maxScore,
                                  int testCount, Integer maxAttempts, Instant createdAt, Instant archivedAt,
                                  ProgressResponse progress) {

    /** The list entry of a task view. */
    public static TaskSummaryResponse of(TaskCatalogService.TaskView view) {
        var t = view.task();
        return new TaskSummaryResponse(t.id, t.classId, t.assignmentId, t.title, t.language,
                TaskDetailResponse.maxScore(view.tests()), view.tests().size(), view.maxAttempts(), t.createdAt,
                t.archivedAt, ProgressResponse.of(view.progress()));
    }

    /**
     * A student's progress on the task.
     *
     * @param bestScore    highest graded score, null before any grading
     * @param attemptsLeft null without a limit
     * @param status       NOT_STARTED, GRADING, ATTEMPTED or ACCEPTED
     */
    public record ProgressResponse(BigDecimal bestScore, int attemptsUsed, Integer attemptsLeft, String status) {
        /** The response form, null for null. */
        public static ProgressResponse of(TaskCatalogService.Progress p) {
            return p == null ? null : new ProgressResponse(p.bestScore(), p.attemptsUsed(), p.attemptsLeft(), p.status().name());
        }
    }
}
