package dev.kelas.auth.token;

import dev.kelas.auth.config.AuthConfig;
import dev.kelas.runtime.problem.ForbiddenException;
import dev.kelas.runtime.problem.NotFoundException;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Operator actions on the signing key ring, for whoever holds {@code kelas.auth.operator-token} (not a
 * school's administrator: keys are shared by all schools). Off (404) while no operator token is set.
 */
@Path("/api/v1/auth/keys")
public class KeyResource {
    private final SigningKeys keys;
    private final AuthConfig config;

    public KeyResource(SigningKeys keys, AuthConfig config) {
        this.keys = keys;
        this.config = config;
    }

    @POST
    @Path("/rotate")
    @PermitAll
    @Blocking
    @Operation(summary = "Add a new signing key: published now, signing after kelas.auth.jwt.activation-delay")
    @APIResponse(responseCode = "202", description = "{kid, activatesAt}: the new key")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: wrong operator token")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no operator token is configured")
    public Response rotate(@HeaderParam("X-Kelas-Operator-Token") String token) {
        String expected = config.operatorToken().orElseThrow(() -> new NotFoundException("endpoint", "keys/rotate"));
        if (token == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            throw new ForbiddenException("The operator token is wrong");
        }
        SigningKeys.StoredKey added = keys.rotate();
        return Response.accepted(Map.of("kid", added.kid(), "activatesAt", added.activatesAt().toString())).build();
    }
}
