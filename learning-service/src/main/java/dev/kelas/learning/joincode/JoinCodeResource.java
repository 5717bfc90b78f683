package dev.kelas.learning.joincode;

import dev.kelas.contracts.Role;
import dev.kelas.learning.joincode.dto.JoinCodeResponse;
import dev.kelas.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A class's join code for students' self-registration (issue 15): its teachers and administrators. */
@Path("/api/v1/classes/{classId}/join-code")
@RolesAllowed({Role.ADMIN_NAME, Role.TEACHER_NAME})
public class JoinCodeResource {
    private final JoinCodeService joinCodes;
    private final Caller caller;

    public JoinCodeResource(JoinCodeService joinCodes, Caller caller) {
        this.joinCodes = joinCodes;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The class's current join code")
    @APIResponse(responseCode = "200", description = "{classId, code, createdBy, createdAt}")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not a teacher of the class or an administrator")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such class in this school, or it has no code")
    public Uni<JoinCodeResponse> get(@PathParam("classId") UUID classId) {
        return joinCodes.joinCode(caller, classId).map(JoinCodeResponse::of);
    }

    @POST
    @Operation(summary = "Set a fresh random join code for the class (8 characters); an earlier code stops working")
    @APIResponse(responseCode = "200", description = "The new code")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not a teacher of the class or an administrator")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such class in this school")
    @APIResponse(responseCode = "409", description = "CLASS_ARCHIVED")
    public Uni<JoinCodeResponse> rotate(@PathParam("classId") UUID classId) {
        return joinCodes.rotate(caller, classId).map(JoinCodeResponse::of);
    }

    @DELETE
    @Operation(summary = "Turn the class's join code off: no more self-registrations into it")
    @APIResponse(responseCode = "204", description = "Off (also when it was off)")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not a teacher of the class or an administrator")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such class in this school")
    public Uni<Response> disable(@PathParam("classId") UUID classId) {
        return joinCodes.disable(caller, classId).map(done -> Response.noContent().build());
    }
}
