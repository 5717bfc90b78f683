package dev.kelas.lab.submission;

import dev.kelas.lab.common.dto.SubmissionResponse;
import dev.kelas.runtime.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A code submission's status, verdict and per-test results. */
@Path("/api/v1/lab/submissions")
@Authenticated
public class SubmissionResource {
    private final SubmissionService submissions;
    private final Caller caller;

    public SubmissionResource(SubmissionService submissions, Caller caller) {
        this.submissions = submissions;
        this.caller = caller;
    }

    @GET
    @Path("/{submissionId}")
    @Operation(summary = "A submission with its verdict; hidden tests show only verdict and points; while RUNNING, the tests finished so far")
    @APIResponse(responseCode = "200", description = "The submission")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: not yours, not your class's, or not in your school")
    public Uni<SubmissionResponse> viewSubmission(@PathParam("submissionId") UUID submissionId) {
        return submissions.viewSubmission(caller, submissionId).map(SubmissionResponse::of);
    }

    @GET
    @Path("/{submissionId}/screenshot")
    @Produces("image/png")
    @Operation(summary = "The PNG screenshot of a graded WEB submission's page (its author, the class's teacher, an administrator)")
    @APIResponse(responseCode = "200", description = "The page as the grader's headless chromium rendered it, 1024x768")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: not yours, not your class's, not in your school, or no"
            + " screenshot (not a WEB submission, not graded yet, or the page never rendered)")
    public Uni<Response> viewScreenshot(@PathParam("submissionId") UUID submissionId) {
        return submissions.viewScreenshot(caller, submissionId).map(png -> Response.ok(png, "image/png")
                .header("Cache-Control", "private, max-age=60").build());
    }
}
