package dev.kelas.lab.run;

import dev.kelas.contracts.Role;
import dev.kelas.lab.run.dto.RunCodeRequest;
import dev.kelas.lab.run.dto.RunHistoryResponse;
import dev.kelas.lab.run.dto.RunResponse;
import dev.kelas.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** "Run": a task's code run ungraded on the caller's own input, and the caller's short history of runs. */
@Path("/api/v1/lab/tasks/{taskId}/runs")
public class TaskRunResource {
    private final RunService runs;
    private final Caller caller;

    public TaskRunResource(RunService runs, Caller caller) {
        this.runs = runs;
        this.caller = caller;
    }

    /**
     * Runs code with the task's limits and waits up to {@code kelas.lab.run.wait} for the result.
     *
     * @return 200 with the finished run, or 202 with the queued one and its {@code Location}
     */
    @POST
    @RolesAllowed({Role.STUDENT_NAME, Role.TEACHER_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Run code on your own input in the grading sandbox, ungraded; waits briefly for the result")
    @APIResponse(responseCode = "200", description = "Finished (or FAILED): stdout, stderr, exit status, time (ms), memory (KiB)")
    @APIResponse(responseCode = "202", description = "Not finished within kelas.lab.run.wait: poll Location (GET /api/v1/lab/runs/{runId})")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not enrolled in the task's class, or not its teacher")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such task in your school")
    public Uni<Response> runCode(@PathParam("taskId") UUID taskId, @NotNull @Valid RunCodeRequest request) {
        return runs.runCode(caller, taskId, request.language(), request.code(), request.stdin())
                .map(run -> run.status.done() ? Response.ok(RunResponse.of(run)).build()
                        : Response.accepted(RunResponse.of(run)).location(URI.create("/api/v1/lab/runs/" + run.id)).build());
    }

    /** The caller's runs of the task, newest first. */
    @GET
    @RolesAllowed({Role.STUDENT_NAME, Role.TEACHER_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Your runs of this task, newest first (the newest kelas.lab.run.history-size are kept)")
    @APIResponse(responseCode = "200", description = "Your runs")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such task in your school")
    public Uni<RunHistoryResponse> runHistory(@PathParam("taskId") UUID taskId) {
        return runs.runHistory(caller, taskId).map(list -> new RunHistoryResponse(list.stream().map(RunResponse::of).toList()));
    }
}
