package dev.kelas.lab.review.dto;

import dev.kelas.lab.review.ReviewService;
import java.util.UUID;

/**
 * An accepted request for a fresh review.
 *
 * @param status    {@code REQUESTED}: a reviewer writes it next; the live update {@code kelas.lab.submission.reviewed} says when
 * @param remaining requests the student has left in the window ({@code kelas.lab.review.requests.*})
 */
public record ReviewRequestResponse(UUID submissionId, String status, long remaining) {

    /** The response for an accepted request. */
    public static ReviewRequestResponse of(ReviewService.ReviewRequest request) {
        return new ReviewRequestResponse(request.submissionId(), "REQUESTED", request.remaining());
    }
}
