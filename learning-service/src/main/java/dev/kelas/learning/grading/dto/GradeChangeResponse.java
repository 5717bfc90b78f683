package dev.kelas.learning.grading.dto;

import dev.kelas.contracts.Verdict;
import dev.kelas.learning.grading.GradeChange;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One entry of a grade's audit trail; {@code changedBy} is null when a lab grader set it. A {@code REGRADE} entry
 * is one lab submission judged again by a teacher's regrade: its old and new score on the assignment's scale, its
 * verdicts, the submission ({@code labSubmissionId}) and the regrade ({@code regradeId}); these four are null on
 * other entries.
 */
public record GradeChangeResponse(UUID id, BigDecimal oldScore, BigDecimal newScore, Boolean oldExcused, boolean newExcused,
                                  String source, UUID changedBy, String reason, Instant changedAt, UUID labSubmissionId,
                                  UUID regradeId, Verdict oldVerdict, Verdict newVerdict) {
    /** The answer for a stored entry. */
    public static GradeChangeResponse of(GradeChange c) {
        return new GradeChangeResponse(c.id, c.oldScore, c.newScore, c.oldExcused, c.newExcused, c.source, c.changedBy,
                c.reason, c.changedAt, c.labSubmissionId, c.regradeId, c.oldVerdict, c.newVerdict);
    }
}
