package dev.kelas.lab.similarity;

import dev.kelas.contracts.Role;
import dev.kelas.lab.similarity.dto.SimilarityCheckResponse;
import dev.kelas.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** One similarity check by its id (the {@code Location} of {@code POST .../similarity-checks}). */
@Path("/api/v1/lab/similarity-checks")
public class SimilarityCheckResource {
    private final SimilarityService checks;
    private final Caller caller;

    public SimilarityCheckResource(SimilarityService checks, Caller caller) {
        this.checks = checks;
        this.caller = caller;
    }

    /** The check: its status and, once FINISHED, the pairs at or above its threshold with their matching lines. */
    @GET
    @Path("/{checkId}")
    @RolesAllowed({Role.TEACHER_NAME, Role.ADMIN_NAME})
    @Operation(summary = "A similarity check: QUEUED, RUNNING, FINISHED (with its pairs and matching lines) or FAILED")
    @APIResponse(responseCode = "200", description = "The check")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not the class's teacher")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such check in your school")
    public Uni<SimilarityCheckResponse> viewCheck(@PathParam("checkId") UUID checkId) {
        return checks.viewCheck(caller, null, checkId).map(SimilarityCheckResponse::of);
    }
}
