package dev.kelas.lab.review;

import dev.kelas.contracts.Role;
import dev.kelas.lab.review.dto.ReviewRequestResponse;
import dev.kelas.lab.review.dto.ReviewResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import dev.kelas.runtime.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The feedback on a code submission: the offline reviewer's findings (static analysis and what the tests show), an
 * AI provider's text for a task in AI mode, and a request for a fresh one.
 */
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

    /**
     * Asks for a fresh review of the submission (its author or the class's teacher), within the student's limit.
     *
     * @return 202 with the request and the review's {@code Location}
     */
    @POST
    @RolesAllowed({Role.STUDENT_NAME, Role.TEACHER_NAME})
    @Operation(summary = "Ask for a fresh review of a graded submission; it is written in the background")
    @APIResponse(responseCode = "202", description = "Requested: the review at Location is replaced, the live update kelas.lab.submission.reviewed says when")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: not yours or not your class's; FEEDBACK_OFF: the teacher turned feedback off")
    @APIResponse(responseCode = "409", description = "SUBMISSION_NOT_GRADED: not graded (yet)")
    @APIResponse(responseCode = "429", description = "REVIEW_RATE_LIMITED: the student's reviews per window (kelas.lab.review.requests.*) are used; "
            + "try again after Retry-After seconds; AI_DAILY_LIMIT_REACHED: an AI task's student or school has had today's AI "
            + "reviews (Retry-After: seconds to midnight UTC)")
    public Uni<Response> requestReview(@PathParam("submissionId") UUID submissionId) {
        return reviews.requestReview(caller, submissionId).map(request -> Response.accepted(ReviewRequestResponse.of(request))
                .location(URI.create("/api/v1/lab/submissions/" + submissionId + "/review")).build());
    }
}
