package dev.kelas.lab.task.dto;

import dev.kelas.contracts.Verdict;
import dev.kelas.lab.submission.RegradeSubmission;
import dev.kelas.lab.submission.SubmissionService;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a regrade changed. Each submission is counted once: {@code pending} while the graders still hold it,
 * {@code superseded} when a later regrade re-queued it before this one graded it, {@code failed} when it could not
 * be graded (INTERNAL_ERROR), else {@code up}, {@code down} or {@code unchanged} by its score (a submission
 * that had no score before counts as having had 0 points).
 *
 * @param queued how many submissions the regrade sent back to the graders
 */
public record RegradeSummaryResponse(UUID id, UUID taskId, UUID requestedBy, Instant requestedAt, int queued,
                                     int pending, int up, int down, int unchanged, int failed, int superseded,
                                     List<Entry> submissions) {

    /** How one submission came out: its score and verdict before and after, and which count it is in. */
    public record Entry(UUID submissionId, UUID studentId, BigDecimal previousScore, Verdict previousVerdict,
                        BigDecimal newScore, Verdict newVerdict, Instant gradedAt, Outcome outcome) {
    }

    /** Which count a submission is in. */
    public enum Outcome { PENDING, SUPERSEDED, FAILED, UP, DOWN, UNCHANGED }

    /** The summary of a stored regrade. */
    public static RegradeSummaryResponse of(SubmissionService.RegradeView view) {
        List<Entry> entries = view.submissions().stream().map(row -> new Entry(row.submissionId, row.studentId,
                row.previousScore, row.previousVerdict, row.newScore, row.newVerdict, row.gradedAt,
                outcome(row, view.requeuedSince().contains(row.submissionId)))).toList();
        int[] counts = new int[Outcome.values().length];
        entries.forEach(e -> counts[e.outcome().ordinal()]++);
        var r = view.regrade();
        return new RegradeSummaryResponse(r.id, r.taskId, r.requestedBy, r.requestedAt, r.submissionCount,
                counts[Outcome.PENDING.ordinal()], counts[Outcome.UP.ordinal()], counts[Outcome.DOWN.ordinal()],
                counts[Outcome.UNCHANGED.ordinal()], counts[Outcome.FAILED.ordinal()],
                counts[Outcome.SUPERSEDED.ordinal()], entries);
    }

    private static Outcome outcome(RegradeSubmission row, boolean requeued) {
        if (row.newVerdict == null) {
            return requeued ? Outcome.SUPERSEDED : Outcome.PENDING;
        }
        if (row.newScore == null) {
            return Outcome.FAILED;
        }
        BigDecimal before = row.previousScore == null ? BigDecimal.ZERO : row.previousScore;
        int compared = row.newScore.compareTo(before);
        return compared > 0 ? Outcome.UP : compared < 0 ? Outcome.DOWN : Outcome.UNCHANGED;
    }
}
