package dev.kelas.runtime.security;

import dev.kelas.contracts.Role;
import dev.kelas.runtime.problem.UnauthenticatedException;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: the user id ({@code sub}), the tenant ({@code tenant} claim) and roles
 * ({@code groups}) of the verified access token. The tenant always comes from here, never from a
 * request body.
 */
@RequestScoped
public class Caller {
    /** Name of the JWT claim that carries the tenant id. */
    public static final String TENANT_CLAIM = "tenant";

    private final JsonWebToken token;

    public Caller(JsonWebToken token) {
        this.token = token;
    }

    /** The caller's user id; throws {@link UnauthenticatedException} if there is no valid token. */
    public UUID userId() {
        return uuidClaim(token.getSubject(), "sub");
    }

    /** The caller's tenant id; throws {@link UnauthenticatedException} if there is no valid token. */
    public UUID tenantId() {
        Object tenant = token.getClaim(TENANT_CLAIM);
        UUID tenantId = uuidClaim(tenant == null ? null : tenant.toString(), TENANT_CLAIM);
        org.jboss.logging.MDC.put("tenantId", tenantId.toString()); // log lines of this request name the school
        return tenantId;
    }

    /** Whether the token grants this role. */
    public boolean hasRole(Role role) {
        return token.getGroups() != null && token.getGroups().contains(role.name());
    }

    private static UUID uuidClaim(String value, String claim) {
        if (value == null) {
            throw new UnauthenticatedException("The access token has no " + claim + " claim");
        }
        try {
            return UUID.fromString(value.replace("\"", ""));
        } catch (IllegalArgumentException e) {
            throw new UnauthenticatedException("The access token's " + claim + " claim is not an id");
        }
    }
}
