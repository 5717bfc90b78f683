package dev.kelas.auth.invitation;

import dev.kelas.auth.common.Clients;
import dev.kelas.auth.common.dto.UserResponse;
import dev.kelas.auth.invitation.dto.AcceptInvitationRequest;
import dev.kelas.auth.invitation.dto.AcceptedInvitation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The public side of invitations: the invitee accepts with the link's token and a password of their choice. */
@Path("/api/v1/auth/invitations")
public class InvitationAcceptResource {
    private final InvitationService invitations;

    public InvitationAcceptResource(InvitationService invitations) {
        this.invitations = invitations;
    }

    @POST
    @Path("/accept")
    @PermitAll
    @Operation(summary = "Accept an invitation: creates the account (e-mail verified) with this password and logs it in")
    @APIResponse(responseCode = "201", description = "The new account and its first token pair")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR or MALFORMED_REQUEST")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: the password breaks the policy")
    @APIResponse(responseCode = "409", description = "EMAIL_TAKEN: the address got an account meanwhile")
    @APIResponse(responseCode = "410", description = "INVITATION_INVALID, INVITATION_USED, INVITATION_EXPIRED or INVITATION_REVOKED; nothing created")
    @APIResponse(responseCode = "429", description = "RATE_LIMITED: too many attempts from this address; Retry-After says when")
    public Uni<Response> accept(@NotNull @Valid AcceptInvitationRequest request, @Context HttpServerRequest http) {
        return invitations.accept(request.token(), request.password(), Clients.of(http))
                .map(accepted -> Response.created(URI.create("/api/v1/users/" + accepted.account().id))
                        .entity(new AcceptedInvitation(UserResponse.of(accepted.account()), accepted.tokens().accessToken(),
                                accepted.tokens().refreshToken(), accepted.tokens().expiresInSeconds(), "Bearer")).build());
    }
}
