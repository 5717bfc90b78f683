package dev.kelas.auth.token;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.util.Map;

/** The public keys that verify access tokens (RFC 7517 JWK Set). */
@Path("/.well-known/jwks.json")
@PermitAll
public class JwksResource {
    private final SigningKeys keys;

    public JwksResource(SigningKeys keys) {
        this.keys = keys;
    }

    @GET
    @Produces("application/json")
    public Map<String, Object> jwks() {
        return keys.jwks();
    }
}
