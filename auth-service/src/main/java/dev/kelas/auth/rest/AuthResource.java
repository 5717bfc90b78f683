package dev.kelas.auth.rest;

import dev.kelas.auth.rest.dto.LoginRequest;
import dev.kelas.auth.rest.dto.RefreshRequest;
import dev.kelas.auth.rest.dto.TokenResponse;
import dev.kelas.auth.service.AccountService;
import dev.kelas.auth.service.TokenPair;
import dev.kelas.auth.service.TokenService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Login and token refresh. */
@Path("/api/v1/auth")
@PermitAll
public class AuthResource {
    private final AccountService accounts;
    private final TokenService tokens;

    public AuthResource(AccountService accounts, TokenService tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @POST
    @Path("/login")
    @Operation(summary = "Log in with school slug, e-mail and password")
    @APIResponse(responseCode = "200", description = "A new token pair")
    @APIResponse(responseCode = "401", description = "UNAUTHENTICATED: wrong school, e-mail or password")
    public Uni<TokenResponse> login(@NotNull @Valid LoginRequest request) {
        return accounts.login(request.tenant(), request.email(), request.password()).map(AuthResource::toResponse);
    }

    @POST
    @Path("/refresh")
    @Operation(summary = "Exchange a refresh token for a new pair; the old one dies")
    @APIResponse(responseCode = "200", description = "A new token pair")
    @APIResponse(responseCode = "401", description = "UNAUTHENTICATED: invalid, expired or reused (the family is revoked)")
    public Uni<TokenResponse> refresh(@NotNull @Valid RefreshRequest request) {
        return tokens.refresh(request.refreshToken()).map(AuthResource::toResponse);
    }

    private static TokenResponse toResponse(TokenPair pair) {
        return new TokenResponse(pair.accessToken(), pair.refreshToken(), pair.expiresInSeconds(), "Bearer");
    }
}
