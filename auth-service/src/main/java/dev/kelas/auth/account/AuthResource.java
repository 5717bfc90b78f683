package dev.kelas.auth.account;

import dev.kelas.auth.account.dto.ChangePasswordRequest;
import dev.kelas.auth.account.dto.LoginRequest;
import dev.kelas.auth.account.dto.PasswordResetConfirmation;
import dev.kelas.auth.account.dto.PasswordResetRequest;
import dev.kelas.auth.account.dto.RefreshRequest;
import dev.kelas.auth.account.dto.SessionResponse;
import dev.kelas.auth.account.dto.TokenResponse;
import dev.kelas.auth.common.Clients;
import dev.kelas.auth.token.TokenPair;
import dev.kelas.auth.token.TokenService;
import dev.kelas.runtime.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Login, tokens, sessions and passwords ({@code /me}, the caller's own profile, is {@code profile/ProfileResource}). */
@Path("/api/v1/auth")
public class AuthResource {
    private final AccountService accounts;
    private final TokenService tokens;
    private final SessionService sessions;
    private final Caller caller;
    private final JsonWebToken token;

    public AuthResource(AccountService accounts, TokenService tokens, SessionService sessions, Caller caller, JsonWebToken token) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.sessions = sessions;
        this.caller = caller;
        this.token = token;
    }

    @POST
    @Path("/login")
    @PermitAll
    @Operation(summary = "Log in with school slug, e-mail and password")
    @APIResponse(responseCode = "200", description = "A new token pair")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR or MALFORMED_REQUEST")
    @APIResponse(responseCode = "401", description = "UNAUTHENTICATED: wrong school, e-mail or password (never says which)")
    @APIResponse(responseCode = "429", description = "RATE_LIMITED: too many failures; Retry-After says when to try again")
    public Uni<TokenResponse> login(@NotNull @Valid LoginRequest request, @Context HttpServerRequest http) {
        return accounts.login(request.tenant(), request.email(), request.password(), Clients.of(http)).map(AuthResource::toResponse);
    }

    @POST
    @Path("/refresh")
    @PermitAll
    @Operation(summary = "Exchange a refresh token for a new pair; the old one dies")
    @APIResponse(responseCode = "200", description = "A new token pair")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR or MALFORMED_REQUEST")
    @APIResponse(responseCode = "401", description = "UNAUTHENTICATED: invalid, expired, idle or reused (the family is revoked)")
    public Uni<TokenResponse> refresh(@NotNull @Valid RefreshRequest request, @Context HttpServerRequest http) {
        return tokens.refresh(request.refreshToken(), Clients.of(http)).map(AuthResource::toResponse);
    }

    @POST
    @Path("/logout")
    @Authenticated
    @Operation(summary = "End this session: its refresh token dies now, its access token at expiry")
    @APIResponse(responseCode = "204", description = "Logged out")
    public Uni<Response> logout(@Context HttpServerRequest http) {
        return sessions.end(caller.tenantId(), caller.userId(), currentSession(), Clients.of(http))
                .map(done -> Response.noContent().build());
    }

    @POST
    @Path("/logout-all")
    @Authenticated
    @Operation(summary = "End every session of the caller; their access tokens stop working everywhere within seconds")
    @APIResponse(responseCode = "204", description = "Logged out everywhere")
    public Uni<Response> logoutAll(@Context HttpServerRequest http) {
        return sessions.endAll(caller.tenantId(), caller.userId(), Clients.of(http)).map(done -> Response.noContent().build());
    }

    @GET
    @Path("/sessions")
    @Authenticated
    @Operation(summary = "The caller's live sessions, most recently used first")
    @APIResponse(responseCode = "200", description = "The sessions")
    public Uni<List<SessionResponse>> sessions() {
        return sessions.sessions(caller.userId(), currentSessionOrNull()).map(list -> list.stream()
                .map(s -> new SessionResponse(s.id(), s.createdAt(), s.lastUsedAt(), s.expiresAt(), s.userAgent(), s.ip(), s.current()))
                .toList());
    }

    @DELETE
    @Path("/sessions/{sessionId}")
    @Authenticated
    @Operation(summary = "End one of the caller's sessions")
    @APIResponse(responseCode = "204", description = "Ended")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: not a session of the caller")
    public Uni<Response> endSession(@PathParam("sessionId") UUID sessionId, @Context HttpServerRequest http) {
        return sessions.end(caller.tenantId(), caller.userId(), sessionId, Clients.of(http)).map(done -> Response.noContent().build());
    }

    @POST
    @Path("/password")
    @Authenticated
    @Operation(summary = "Change the caller's password (the current one is required); every session ends")
    @APIResponse(responseCode = "204", description = "Changed; log in again")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR or MALFORMED_REQUEST")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: the new password breaks the policy")
    @APIResponse(responseCode = "401", description = "UNAUTHENTICATED: no token, or the current password is wrong")
    public Uni<Response> changePassword(@NotNull @Valid ChangePasswordRequest request, @Context HttpServerRequest http) {
        return accounts.changePassword(caller.tenantId(), caller.userId(), request.currentPassword(), request.newPassword(),
                Clients.of(http)).map(done -> Response.noContent().build());
    }

    @POST
    @Path("/password-reset")
    @PermitAll
    @Operation(summary = "Ask for a password-reset e-mail; always 202, whether or not the account exists")
    @APIResponse(responseCode = "202", description = "Accepted")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR or MALFORMED_REQUEST")
    public Uni<Response> requestPasswordReset(@NotNull @Valid PasswordResetRequest request, @Context HttpServerRequest http) {
        return accounts.requestPasswordReset(request.tenant(), request.email(), Clients.of(http))
                .map(done -> Response.accepted().build());
    }

    @POST
    @Path("/password-reset/confirm")
    @PermitAll
    @Operation(summary = "Set a new password with a reset token; every session of the user ends")
    @APIResponse(responseCode = "204", description = "Password set")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR or MALFORMED_REQUEST")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: token invalid, used or expired, or the password breaks the policy")
    public Uni<Response> confirmPasswordReset(@NotNull @Valid PasswordResetConfirmation request, @Context HttpServerRequest http) {
        return accounts.confirmPasswordReset(request.token(), request.newPassword(), Clients.of(http))
                .map(done -> Response.noContent().build());
    }

    private UUID currentSession() {
        UUID sid = currentSessionOrNull();
        if (sid == null) {
            throw new dev.kelas.runtime.problem.UnauthenticatedException("The access token names no session");
        }
        return sid;
    }

    private UUID currentSessionOrNull() {
        Object sid = token.getClaim("sid");
        try {
            return sid == null ? null : UUID.fromString(sid.toString().replace("\"", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static TokenResponse toResponse(TokenPair pair) {
        return new TokenResponse(pair.accessToken(), pair.refreshToken(), pair.expiresInSeconds(), "Bearer");
    }
}
