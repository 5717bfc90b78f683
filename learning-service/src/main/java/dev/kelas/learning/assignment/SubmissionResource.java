package dev.kelas.learning.assignment;

import dev.kelas.learning.assignment.dto.SubmissionResponse;
import dev.kelas.runtime.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** One hand-in and its file: for its student, the class's teachers and administrators only (404 for anyone else). */
@Path("/api/v1/submissions")
@Authenticated
@APIResponse(responseCode = "404", description = "NOT_FOUND: no such submission you may see")
public class SubmissionResource {
    private final SubmissionService submissions;
    private final Caller caller;

    public SubmissionResource(SubmissionService submissions, Caller caller) {
        this.submissions = submissions;
        this.caller = caller;
    }

    @GET
    @Path("/{submissionId}")
    @Operation(summary = "One hand-in")
    public Uni<SubmissionResponse> getSubmission(@PathParam("submissionId") UUID submissionId) {
        return submissions.getSubmission(caller, submissionId).map(SubmissionResponse::of);
    }

    @GET
    @Path("/{submissionId}/file")
    @Operation(summary = "The uploaded file, as an attachment, after its SHA-256 is verified")
    public Uni<Response> downloadFile(@PathParam("submissionId") UUID submissionId) {
        return submissions.readFile(caller, submissionId).map(content -> FileDownloads.attachment(content.file(), content.bytes()));
    }
}
