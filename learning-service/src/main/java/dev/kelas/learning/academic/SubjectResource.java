package dev.kelas.learning.academic;

import dev.kelas.contracts.Role;
import dev.kelas.learning.academic.dto.ComponentResponse;
import dev.kelas.learning.academic.dto.CreateComponentRequest;
import dev.kelas.learning.academic.dto.CreateSubjectRequest;
import dev.kelas.learning.academic.dto.SubjectResponse;
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

/** The school's subjects and their grade components. Administrators define them; everyone reads them. */
@Path("/api/v1/subjects")
@RolesAllowed(Role.ADMIN_NAME)
@APIResponse(responseCode = "403", description = "FORBIDDEN: administrators only")
public class SubjectResource {
    private final SubjectService subjects;
    private final Caller caller;

    public SubjectResource(SubjectService subjects, Caller caller) {
        this.subjects = subjects;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Create a subject")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "409", description = "CONFLICT: code taken")
    public Uni<Response> createSubject(@NotNull @Valid CreateSubjectRequest request) {
        return subjects.createSubject(caller, request.code(), request.name())
                .map(s -> Response.created(URI.create("/api/v1/subjects/" + s.id)).entity(SubjectResponse.of(s)).build());
    }

    @GET
    @Authenticated
    @Operation(summary = "The school's subjects by code")
    public Uni<List<SubjectResponse>> listSubjects() {
        return subjects.listSubjects(caller).map(list -> list.stream().map(SubjectResponse::of).toList());
    }

    @POST
    @Path("/{subjectId}/components")
    @Operation(summary = "Add a grade component (e.g. Quizzes) to a subject")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such subject in your school")
    @APIResponse(responseCode = "409", description = "CONFLICT: the subject has a component of that name")
    public Uni<Response> addComponent(@PathParam("subjectId") UUID subjectId, @NotNull @Valid CreateComponentRequest request) {
        return subjects.addComponent(caller, subjectId, request.name())
                .map(c -> Response.created(URI.create("/api/v1/subjects/" + subjectId + "/components/" + c.id))
                        .entity(ComponentResponse.of(c)).build());
    }

    @GET
    @Path("/{subjectId}/components")
    @Authenticated
    @Operation(summary = "A subject's grade components in order")
    public Uni<List<ComponentResponse>> listComponents(@PathParam("subjectId") UUID subjectId) {
        return subjects.listComponents(caller, subjectId).map(list -> list.stream().map(ComponentResponse::of).toList());
    }
}
