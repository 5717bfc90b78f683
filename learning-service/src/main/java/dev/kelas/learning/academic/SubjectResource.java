package dev.kelas.learning.academic;

import dev.kelas.contracts.Role;
import dev.kelas.learning.academic.dto.ComponentResponse;
import dev.kelas.learning.academic.dto.CreateComponentRequest;
import dev.kelas.learning.academic.dto.CreateSubjectRequest;
import dev.kelas.learning.academic.dto.ComponentPatch;
import dev.kelas.learning.academic.dto.SubjectPatch;
import dev.kelas.learning.common.ETags;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;

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

    @GET
    @Path("/{subjectId}")
    @Authenticated
    @Operation(summary = "One subject; ETag is its version")
    @APIResponse(responseCode = "200", description = "The subject, with its ETag")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such subject in your school")
    public Uni<Response> getSubject(@PathParam("subjectId") UUID subjectId) {
        return subjects.getSubject(caller, subjectId).map(s -> Response.ok(SubjectResponse.of(s)).tag(ETags.of(s.version)).build());
    }

    @PATCH
    @Path("/{subjectId}")
    @Operation(summary = "Rename a subject or change its code; with If-Match, only if it is still the version you read")
    @APIResponse(responseCode = "200", description = "The subject, with its new ETag")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such subject in your school")
    @APIResponse(responseCode = "409", description = "CONFLICT: code taken")
    @APIResponse(responseCode = "412", description = "PRECONDITION_FAILED: it changed since you read it")
    public Uni<Response> updateSubject(@PathParam("subjectId") UUID subjectId, @HeaderParam("If-Match") String ifMatch,
                                       @NotNull @Valid SubjectPatch patch) {
        return subjects.updateSubject(caller, subjectId, patch.code(), patch.name(), ETags.expectedVersion(ifMatch))
                .map(s -> Response.ok(SubjectResponse.of(s)).tag(ETags.of(s.version)).build());
    }

    @DELETE
    @Path("/{subjectId}")
    @Operation(summary = "Delete a subject nothing uses, with its grade components")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such subject in your school")
    @APIResponse(responseCode = "409", description = "CONFLICT: assignments, teachers, the timetable, the register or a gradebook use it")
    public Uni<Response> deleteSubject(@PathParam("subjectId") UUID subjectId) {
        return subjects.deleteSubject(caller, subjectId).replaceWith(Response.noContent().build());
    }

    @GET
    @Path("/{subjectId}/components/{componentId}")
    @Authenticated
    @Operation(summary = "One grade component; ETag is its version")
    @APIResponse(responseCode = "200", description = "The component, with its ETag")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such subject or component in your school")
    public Uni<Response> getComponent(@PathParam("subjectId") UUID subjectId, @PathParam("componentId") UUID componentId) {
        return subjects.getComponent(caller, subjectId, componentId)
                .map(c -> Response.ok(ComponentResponse.of(c)).tag(ETags.of(c.version)).build());
    }

    @PATCH
    @Path("/{subjectId}/components/{componentId}")
    @Operation(summary = "Rename or move a grade component; with If-Match, only if it is still the version you read")
    @APIResponse(responseCode = "200", description = "The component, with its new ETag")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such subject or component in your school")
    @APIResponse(responseCode = "409", description = "CONFLICT: the subject has another component of that name")
    @APIResponse(responseCode = "412", description = "PRECONDITION_FAILED: it changed since you read it")
    public Uni<Response> updateComponent(@PathParam("subjectId") UUID subjectId, @PathParam("componentId") UUID componentId,
                                         @HeaderParam("If-Match") String ifMatch, @NotNull @Valid ComponentPatch patch) {
        return subjects.updateComponent(caller, subjectId, componentId, patch.name(), patch.position(), ETags.expectedVersion(ifMatch))
                .map(c -> Response.ok(ComponentResponse.of(c)).tag(ETags.of(c.version)).build());
    }

    @DELETE
    @Path("/{subjectId}/components/{componentId}")
    @Operation(summary = "Delete a grade component no assignment or gradebook configuration uses")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such subject or component in your school")
    @APIResponse(responseCode = "409", description = "CONFLICT: assignments or a gradebook configuration use it")
    public Uni<Response> deleteComponent(@PathParam("subjectId") UUID subjectId, @PathParam("componentId") UUID componentId) {
        return subjects.deleteComponent(caller, subjectId, componentId).replaceWith(Response.noContent().build());
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
