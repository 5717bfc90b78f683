package dev.kelas.lab.review.dto;

import dev.kelas.lab.review.Finding;
import dev.kelas.lab.review.ReviewService;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The feedback on a submission.
 *
 * @param status       READY, or FAILED (the reviewer could not run; {@code error} says why)
 * @param provider     who wrote it: {@code offline} or an AI provider
 * @param model        the AI model, or null
 * @param findings     what the tests show first, then each tool's findings (line, column, severity, message, tool, rule)
 * @param errors       findings of severity ERROR
 * @param warnings     findings of severity WARNING
 * @param toolsRun     the static-analysis tools that ran
 * @param toolsMissing the language's tools that are not installed on the grader
 * @param feedback     prose feedback (an AI provider's), or null
 * @param wallMillis   how long the review took, milliseconds
 * @param inputTokens  prompt tokens the AI provider counted, or null
 * @param outputTokens answer tokens it counted, or null
 * @param cost         the estimated cost from the provider's configured prices, or null
 * @param attempts     the AI providers tried, in order, each {@code {provider, outcome}} (empty for an offline task)
 */
public record ReviewResponse(UUID submissionId, UUID taskId, String status, String provider, String model, List<Finding> findings,
                             long errors, long warnings, List<String> toolsRun, List<String> toolsMissing, String feedback,
                             String error, int wallMillis, Instant createdAt, Integer inputTokens, Integer outputTokens,
                             java.math.BigDecimal cost, List<java.util.Map<String, String>> attempts) {

    /** The response for a stored review. */
    public static ReviewResponse of(ReviewService.ReviewView view) {
        var review = view.review();
        return new ReviewResponse(review.submissionId, review.taskId, review.status.name(), review.provider, review.model,
                view.findings(), view.findings().stream().filter(f -> f.severity() == Finding.Severity.ERROR).count(),
                view.findings().stream().filter(f -> f.severity() == Finding.Severity.WARNING).count(),
                view.toolsRun(), view.toolsMissing(), review.feedback, review.error, review.wallMillis, review.createdAt,
                review.inputTokens, review.outputTokens, review.cost, view.attempts());
    }
}
