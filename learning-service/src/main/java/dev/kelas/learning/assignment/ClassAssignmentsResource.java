package dev.kelas.learning.assignment;

import dev.kelas.contracts.Role;
import dev.kelas.learning.assignment.AssignmentService;
import dev.kelas.learning.assignment.dto.CreateAssignmentRequest;
import dev.kelas.learning.common.dto.AssignmentResponse;
import dev.kelas.runtime.security.Caller;
import io.quarkus.security.Authenticated;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A class's assignments: create one, list them (drafts only for its teachers). */
@Path("/api/v1/classes")
@RolesAllowed({Role.TEACHER_NAME, Role.ADMIN_NAME})
@APIResponse(responseCode = "403", description = "FORBIDDEN: not a teacher of this class or an administrator")
@APIResponse(responseCode = "404", description = "NOT_FOUND: no such class in your school")
public class ClassAssignmentsResource {
    private final AssignmentService assignments;
    private final Caller caller;

    public ClassAssignmentsResource(AssignmentService assignments, Caller caller) {
        this.assignments = assignments;
        this.caller = caller;
    }

    @POST
    @Path("/{classId}/assignments")
    @Operation(summary = "Create an assignment (published at once unless status is DRAFT)")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "409", description = "CONFLICT: the class's gradebook in the subject is finalized")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: unknown subject or component, bad cut-off, rubric not adding up")
    public Uni<Response> createAssignment(@PathParam("classId") UUID classId, @NotNull @Valid CreateAssignmentRequest request) {
        return assignments.createAssignment(caller, classId, request.draft())
                .map(v -> Response.created(URI.create("/api/v1/assignments/" + v.assignment().id))
                        .entity(AssignmentResponse.of(v.assignment(), v.rubric())).build());
    }

    @GET
    @Path("/{classId}/assignments")
    @Authenticated
    @Operation(summary = "The class's assignments in due order (students see published ones)")
    public Uni<List<AssignmentResponse>> listAssignments(@PathParam("classId") UUID classId) {
        return assignments.listAssignments(caller, classId).map(list -> list.stream().map(AssignmentResponse::of).toList());
    }
}
