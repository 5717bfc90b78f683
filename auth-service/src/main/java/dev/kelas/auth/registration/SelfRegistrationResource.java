package dev.kelas.auth.registration;

import dev.kelas.auth.common.Clients;
import dev.kelas.auth.registration.dto.ResendVerificationRequest;
import dev.kelas.auth.registration.dto.SelfRegistrationRequest;
import dev.kelas.auth.registration.dto.VerifyEmailRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Public self-registration of students with a class join code, and the e-mail verification that activates it. */
@Path("/api/v1/auth")
public class SelfRegistrationResource {
    private final SelfRegistrationService registrations;

    public SelfRegistrationResource(SelfRegistrationService registrations) {
        this.registrations = registrations;
    }

    @POST
    @Path("/self-registration")
    @PermitAll
    @Operation(summary = "A student registers with a class join code; the account works once the mailed link verifies the address")
    @APIResponse(responseCode = "202", description = "Registered, pending: a verification link was mailed")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR or MALFORMED_REQUEST")
    @APIResponse(responseCode = "403", description = "SELF_REGISTRATION_OFF: the school does not take self-registrations")
    @APIResponse(responseCode = "409", description = "EMAIL_TAKEN: the address has an account in the school")
    @APIResponse(responseCode = "422", description = "JOIN_CODE_INVALID (wrong, rotated or turned off), or VALIDATION_ERROR (unknown school, weak password)")
    @APIResponse(responseCode = "429", description = "RATE_LIMITED: too many attempts from this address; Retry-After says when")
    public Uni<Response> register(@NotNull @Valid SelfRegistrationRequest request, @Context HttpServerRequest http) {
        return registrations.register(request.tenant(), request.joinCode(), request.email(), request.name(), request.password(),
                Clients.of(http)).map(done -> Response.accepted().build());
    }

    @POST
    @Path("/verify-email")
    @PermitAll
    @Operation(summary = "Verify a self-registered account's address with the mailed token; the account can log in and joins its class")
    @APIResponse(responseCode = "204", description = "Verified and active")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR or MALFORMED_REQUEST")
    @APIResponse(responseCode = "410", description = "EMAIL_VERIFICATION_INVALID: unknown, used or expired")
    @APIResponse(responseCode = "429", description = "RATE_LIMITED: too many attempts from this address; Retry-After says when")
    public Uni<Response> verify(@NotNull @Valid VerifyEmailRequest request, @Context HttpServerRequest http) {
        return registrations.verify(request.token(), Clients.of(http)).map(done -> Response.noContent().build());
    }

    @POST
    @Path("/verify-email/resend")
    @PermitAll
    @Operation(summary = "Mail a new verification link to a self-registered account still waiting for one (the old link stops "
            + "working); the answer is the same whether or not such an account exists")
    @APIResponse(responseCode = "202", description = "If the school has such an account waiting, a new link was mailed")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR or MALFORMED_REQUEST")
    @APIResponse(responseCode = "429", description = "RATE_LIMITED: too many attempts from this address; Retry-After says when")
    public Uni<Response> resend(@NotNull @Valid ResendVerificationRequest request, @Context HttpServerRequest http) {
        return registrations.resend(request.tenant(), request.email(), Clients.of(http)).map(done -> Response.accepted().build());
    }
}
