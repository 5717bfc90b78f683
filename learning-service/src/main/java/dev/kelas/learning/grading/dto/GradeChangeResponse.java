package dev.kelas.learning.grading.dto;

import dev.kelas.learning.grading.GradeChange;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One entry of a grade's audit trail; {@code changedBy} is null when a lab grader set it. */
public record GradeChangeResponse(UUID id, BigDecimal oldScore, BigDecimal newScore, Boolean oldExcused, boolean newExcused,
                                  String source, UUID changedBy, String reason, Instant changedAt) {
    public static GradeChangeResponse of(GradeChange c) {
        return new GradeChangeResponse(c.id, c.oldScore, c.newScore, c.oldExcused, c.newExcused, c.source, c.changedBy,
                c.reason, c.changedAt);
    }
}
