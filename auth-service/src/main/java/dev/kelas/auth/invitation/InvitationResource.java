package dev.kelas.auth.invitation;

import dev.kelas.auth.common.Clients;
import dev.kelas.auth.invitation.dto.InvitationPage;
import dev.kelas.auth.invitation.dto.InvitationResponse;
import dev.kelas.auth.invitation.dto.InviteRequest;
import dev.kelas.contracts.Role;
import dev.kelas.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * An administrator's invitations to their school (issue 15): invite one person or a CSV list, list them with their
 * status, revoke and resend. Another school's ids answer 404.
 */
@Path("/api/v1/users/invitations")
@RolesAllowed(Role.ADMIN_NAME)
public class InvitationResource {
    private final InvitationService invitations;
    private final Caller caller;

    public InvitationResource(InvitationService invitations, Caller caller) {
        this.invitations = invitations;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Invite one person by e-mail; the mail carries a single-use link to choose a password")
    @APIResponse(responseCode = "201", description = "Invited; the mail is on its way")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR (a field's shape) or MALFORMED_REQUEST")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not an administrator")
    @APIResponse(responseCode = "409", description = "EMAIL_TAKEN: the address has an account here; INVITATION_PENDING: it has a pending invitation")
    public Uni<Response> invite(@NotNull @Valid InviteRequest request, @Context HttpServerRequest http) {
        return invitations.invite(caller.tenantId(), caller.userId(), request.email(), request.name(), request.role(), Clients.of(http))
                .map(invitation -> Response.created(URI.create("/api/v1/users/invitations/" + invitation.id))
                        .entity(InvitationResponse.of(invitation, Instant.now())).build());
    }

    @POST
    @Consumes({"text/csv", "text/plain"})
    @Operation(summary = "Invite everyone in a CSV list (header: email,name,role); all rows or none")
    @APIResponse(responseCode = "201", description = "Everyone invited: {invited, items}")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: not CSV, no header, too many rows; or errors lists every bad row "
            + "(index = its line, code EMAIL_TAKEN, INVITATION_PENDING or VALIDATION_ERROR) and nobody was invited")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not an administrator")
    public Uni<Response> inviteCsv(String csv, @Context HttpServerRequest http) {
        return invitations.inviteCsv(caller.tenantId(), caller.userId(), csv, Clients.of(http)).map(made -> {
            Instant now = Instant.now();
            return Response.status(201).entity(Map.of("invited", made.size(),
                    "items", made.stream().map(i -> InvitationResponse.of(i, now)).toList())).build();
        });
    }

    @GET
    @Operation(summary = "The school's invitations, newest first, each with its status (PENDING, ACCEPTED, EXPIRED, REVOKED)")
    @APIResponse(responseCode = "200", description = "One page of invitations")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR: bad page or size")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not an administrator")
    public Uni<InvitationPage> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                    @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return invitations.list(caller.tenantId(), page, size).map(p -> {
            Instant now = Instant.now();
            return new InvitationPage(p.items().stream().map(i -> InvitationResponse.of(i, now)).toList(), p.page(), p.size(), p.total());
        });
    }

    @DELETE
    @Path("/{invitationId}")
    @Operation(summary = "Revoke an invitation: its link stops working (again: no change)")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not an administrator")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such invitation in this school")
    @APIResponse(responseCode = "409", description = "CONFLICT: it was accepted already")
    public Uni<Response> revoke(@PathParam("invitationId") UUID invitationId, @Context HttpServerRequest http) {
        return invitations.revoke(caller.tenantId(), caller.userId(), invitationId, Clients.of(http))
                .map(done -> Response.noContent().build());
    }

    @POST
    @Path("/{invitationId}/resend")
    @Operation(summary = "Send a pending or expired invitation again with a fresh link and expiry; the old link stops working")
    @APIResponse(responseCode = "200", description = "Sent again: the invitation as it now is")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not an administrator")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such invitation in this school")
    @APIResponse(responseCode = "409", description = "CONFLICT: accepted, revoked or replaced; EMAIL_TAKEN: the address has an account by now")
    public Uni<InvitationResponse> resend(@PathParam("invitationId") UUID invitationId, @Context HttpServerRequest http) {
        return invitations.resend(caller.tenantId(), caller.userId(), invitationId, Clients.of(http))
                .map(invitation -> InvitationResponse.of(invitation, Instant.now()));
    }
}
