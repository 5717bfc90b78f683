package dev.kelas.lab.run;

import dev.kelas.contracts.Role;
import dev.kelas.lab.run.dto.RunResponse;
import dev.kelas.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** One of the caller's runs, for polling a run that answered 202. */
@Path("/api/v1/lab/runs")
public class RunResource {
    private final RunService runs;
    private final Caller caller;

    public RunResource(RunService runs, Caller caller) {
        this.runs = runs;
        this.caller = caller;
    }

    /** The run, whatever its status. */
    @GET
    @Path("/{runId}")
    @RolesAllowed({Role.STUDENT_NAME, Role.TEACHER_NAME, Role.ADMIN_NAME})
    @Operation(summary = "One of your runs: QUEUED, RUNNING, FINISHED or FAILED")
    @APIResponse(responseCode = "200", description = "The run")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: not yours, pruned, or not in your school")
    public Uni<RunResponse> viewRun(@PathParam("runId") UUID runId) {
        return runs.viewRun(caller, runId).map(RunResponse::of);
    }
}
