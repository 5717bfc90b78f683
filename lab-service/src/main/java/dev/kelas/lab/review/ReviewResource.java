package dev.kelas.lab.review;

import dev.kelas.lab.review.dto.ReviewResponse;
import dev.kelas.runtime.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The feedback on a code submission: the offline reviewer's findings (static analysis and what the tests show). */
@Path("/api/v1/lab/submissions/{submissionId}/review")
@Authenticated
public class ReviewResource {
    private final ReviewService reviews;
    private final Caller caller;

    public ReviewResource(ReviewService reviews, Caller caller) {
        this.reviews = reviews;
        this.caller = caller;
    }

    /** The submission's review, written after its verdict; the live update {@code kelas.lab.submission.reviewed} says when. */
    @GET
    @Operation(summary = "Feedback on a submission: findings with line, severity, message and tool, written after the verdict")
    @APIResponse(responseCode = "200", description = "The review")
    @APIResponse(responseCode = "403", description = "FEEDBACK_NOT_YET_VISIBLE: the teacher shows feedback after the due time")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: not yours or not your class's; FEEDBACK_OFF: the teacher turned "
            + "feedback off; FEEDBACK_PENDING: not written yet")
    public Uni<ReviewResponse> viewReview(@PathParam("submissionId") UUID submissionId) {
        return reviews.viewReview(caller, submissionId).map(ReviewResponse::of);
    }
}
