package dev.kelas.lab.similarity;

import dev.kelas.contracts.Role;
import dev.kelas.lab.similarity.dto.SimilarityCheckList;
import dev.kelas.lab.similarity.dto.SimilarityCheckRequest;
import dev.kelas.lab.similarity.dto.SimilarityCheckResponse;
import dev.kelas.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Similarity checks of a task's submissions: asking for one, listing them, reading one. */
@Path("/api/v1/lab/tasks/{taskId}/similarity-checks")
public class TaskSimilarityResource {
    private final SimilarityService checks;
    private final Caller caller;

    public TaskSimilarityResource(SimilarityService checks, Caller caller) {
        this.checks = checks;
        this.caller = caller;
    }

    /**
     * Queues a check of the latest submission of each student; it runs in the background.
     *
     * @param request threshold and language, both optional; no body: the defaults
     * @return 202 with the QUEUED check and its {@code Location}
     */
    @POST
    @RolesAllowed({Role.TEACHER_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Check the latest submission of each student for similarity (JPlag), in the background")
    @APIResponse(responseCode = "202", description = "Queued: poll Location (GET /api/v1/lab/similarity-checks/{checkId})")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR: threshold outside 0..1, or a language that cannot be compared")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not the class's teacher")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such task in your school")
    public Uni<Response> requestCheck(@PathParam("taskId") UUID taskId, @Valid SimilarityCheckRequest request) {
        Double threshold = request == null ? null : request.threshold();
        String language = request == null ? null : request.language();
        return checks.requestCheck(caller, taskId, threshold, language)
                .map(check -> Response.accepted(SimilarityCheckResponse.of(check, List.of()))
                        .location(URI.create("/api/v1/lab/similarity-checks/" + check.id)).build());
    }

    /** The task's checks, newest first (at most 50), without their pairs. */
    @GET
    @RolesAllowed({Role.TEACHER_NAME, Role.ADMIN_NAME})
    @Operation(summary = "A task's similarity checks, newest first, without their pairs")
    @APIResponse(responseCode = "200", description = "The checks")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not the class's teacher")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such task in your school")
    public Uni<SimilarityCheckList> listChecks(@PathParam("taskId") UUID taskId) {
        return checks.listChecks(caller, taskId).map(list -> new SimilarityCheckList(
                list.stream().map(check -> SimilarityCheckResponse.of(check, List.of())).toList()));
    }

    /** One check of the task with its pairs. */
    @GET
    @Path("/{checkId}")
    @RolesAllowed({Role.TEACHER_NAME, Role.ADMIN_NAME})
    @Operation(summary = "A similarity check of this task: its status and, once FINISHED, the pairs at or above its threshold")
    @APIResponse(responseCode = "200", description = "The check")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not the class's teacher")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such check of this task in your school")
    public Uni<SimilarityCheckResponse> viewCheck(@PathParam("taskId") UUID taskId, @PathParam("checkId") UUID checkId) {
        return checks.viewCheck(caller, taskId, checkId).map(SimilarityCheckResponse::of);
    }
}
