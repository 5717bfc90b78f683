package dev.kelas.lab.rest;

import dev.kelas.lab.domain.TestResult;
import dev.kelas.lab.rest.dto.SubmissionResponse;
import dev.kelas.lab.service.SubmissionService;
import dev.kelas.runtime.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
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
    @Operation(summary = "A submission with its verdict; hidden tests show only verdict and points")
    @APIResponse(responseCode = "200", description = "The submission")
    @APIResponse(responseCode = "401", description = "UNAUTHENTICATED")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: not yours, not your class's, or not in your school")
    public Uni<SubmissionResponse> viewSubmission(@PathParam("submissionId") UUID submissionId) {
        return submissions.viewSubmission(caller, submissionId).map(SubmissionResource::toResponse);
    }

    /** Maps a submission to its API form, leaving out every hidden test's data. */
    static SubmissionResponse toResponse(SubmissionService.SubmissionView view) {
        Map<Integer, TestResult> results = view.results().stream()
                .collect(Collectors.toMap(r -> r.ordinal, Function.identity()));
        var tests = view.tests().stream().map(test -> {
            TestResult result = results.get(test.ordinal);
            boolean shown = !test.hidden;
            return new SubmissionResponse.TestView(test.ordinal, test.hidden, result == null ? null : result.verdict,
                    result == null ? null : result.points, test.points, result == null ? null : result.wallMillis,
                    shown ? test.stdin : null, shown ? test.expectedStdout : null,
                    shown && result != null ? result.stdout : null);
        }).toList();
        var s = view.submission();
        return new SubmissionResponse(s.id, s.taskId, s.studentId, s.language, s.status, s.verdict, s.score, s.maxScore,
                s.error, s.compileOutput, s.createdAt, s.gradedAt, tests);
    }

}
