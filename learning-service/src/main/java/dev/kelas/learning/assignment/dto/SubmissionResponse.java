package dev.kelas.learning.assignment.dto;

import dev.kelas.learning.assignment.SubmissionService;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kelas.learning.assignment.StoredFile;
import dev.kelas.learning.assignment.SubmissionService.SubmissionView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A hand-in as the API shows it.
 *
 * @param file for a FILE hand-in: its name, type, size and SHA-256; download it from {@code /api/v1/submissions/{id}/file}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubmissionResponse(UUID id, UUID assignmentId, UUID studentId, int attempt, String text, String url,
                                 FileInfo file, Instant submittedAt, int lateDays, BigDecimal latePenaltyPercent) {

    /** What is known of an uploaded file. */
    public record FileInfo(UUID id, String fileName, String contentType, long sizeBytes, String sha256) {
        static FileInfo of(StoredFile f) {
            return f == null ? null : new FileInfo(f.id, f.fileName, f.contentType, f.sizeBytes, f.sha256);
        }
    }

    public static SubmissionResponse of(SubmissionView view) {
        var s = view.submission();
        return new SubmissionResponse(s.id, s.assignmentId, s.studentId, s.attempt, s.textBody, s.linkUrl,
                FileInfo.of(view.file()), s.submittedAt, s.lateDays, s.latePenaltyPercent);
    }
}
