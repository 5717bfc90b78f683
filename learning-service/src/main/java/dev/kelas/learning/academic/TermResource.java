package dev.kelas.learning.academic;

import dev.kelas.contracts.Role;
import dev.kelas.learning.academic.dto.CreateTermRequest;
import dev.kelas.learning.academic.dto.TermPatch;
import dev.kelas.learning.common.ETags;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;

import dev.kelas.learning.common.dto.TermResponse;
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

/** The school's terms; exactly one is active. Administrators create and activate them. */
@Path("/api/v1/terms")
@RolesAllowed(Role.ADMIN_NAME)
@APIResponse(responseCode = "403", description = "FORBIDDEN: administrators only")
public class TermResource {
    private final TermService terms;
    private final Caller caller;

    public TermResource(TermService terms, Caller caller) {
        this.terms = terms;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Create a term (active if asked, or if the school has no active term)")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "409", description = "CONFLICT: that semester of that school year exists")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: ends before it starts")
    public Uni<Response> createTerm(@NotNull @Valid CreateTermRequest request) {
        return terms.createTerm(caller, request.name(), request.schoolYear(), request.semester(), request.startsOn(),
                        request.endsOn(), Boolean.TRUE.equals(request.active()))
                .map(t -> Response.created(URI.create("/api/v1/terms/" + t.id)).entity(TermResponse.of(t)).build());
    }

    @GET
    @Authenticated
    @Operation(summary = "The school's terms, newest first")
    public Uni<List<TermResponse>> listTerms() {
        return terms.listTerms(caller).map(list -> list.stream().map(TermResponse::of).toList());
    }

    @GET
    @Path("/{termId}")
    @Authenticated
    @Operation(summary = "One term; ETag is its version")
    @APIResponse(responseCode = "200", description = "The term, with its ETag")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such term in your school")
    public Uni<Response> getTerm(@PathParam("termId") UUID termId) {
        return terms.getTerm(caller, termId).map(t -> Response.ok(TermResponse.of(t)).tag(ETags.of(t.version)).build());
    }

    @PATCH
    @Path("/{termId}")
    @Operation(summary = "Rename or move a term; with If-Match, only if it is still the version you read")
    @APIResponse(responseCode = "200", description = "The term, with its new ETag")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such term in your school")
    @APIResponse(responseCode = "412", description = "PRECONDITION_FAILED: it changed since you read it")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: ends before it starts")
    public Uni<Response> updateTerm(@PathParam("termId") UUID termId, @HeaderParam("If-Match") String ifMatch,
                                    @NotNull @Valid TermPatch patch) {
        return terms.updateTerm(caller, termId, patch.name(), patch.startsOn(), patch.endsOn(), ETags.expectedVersion(ifMatch))
                .map(t -> Response.ok(TermResponse.of(t)).tag(ETags.of(t.version)).build());
    }

    @DELETE
    @Path("/{termId}")
    @Operation(summary = "Delete a term nothing uses yet (not the active one)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such term in your school")
    @APIResponse(responseCode = "409", description = "CONFLICT: the active term, or classes or timetable slots use it")
    public Uni<Response> deleteTerm(@PathParam("termId") UUID termId) {
        return terms.deleteTerm(caller, termId).replaceWith(Response.noContent().build());
    }

    @POST
    @Path("/{termId}/activate")
    @Operation(summary = "Make this the school's active term")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such term in your school")
    public Uni<TermResponse> activateTerm(@PathParam("termId") UUID termId) {
        return terms.activateTerm(caller, termId).map(TermResponse::of);
    }
}
