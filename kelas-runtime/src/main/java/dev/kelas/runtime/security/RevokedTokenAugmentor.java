package dev.kelas.runtime.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses a verified JWT that is not an access token ({@code typ} claim other than {@code access}, RFC 8725
 * section 3.11) or that {@link AccessRevocations} lists as void: the request then fails authentication
 * (401 UNAUTHENTICATED) as if the token had expired.
 */
@ApplicationScoped
public class RevokedTokenAugmentor implements SecurityIdentityAugmentor {
    /** The {@code typ} claim auth-service writes into access tokens. */
    public static final String ACCESS_TOKEN_TYPE = "access";

    private final AccessRevocations revocations;

    public RevokedTokenAugmentor(AccessRevocations revocations) {
        this.revocations = revocations;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken token && !isUsable(token)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("The access token was revoked"));
        }
        return Uni.createFrom().item(identity);
    }

    /** Whether a verified token is an access token that is not on the deny-list. */
    public boolean isUsable(JsonWebToken token) {
        if (!ACCESS_TOKEN_TYPE.equals(String.valueOf(token.<Object>getClaim("typ")).replace("\"", ""))) {
            return false;
        }
        try {
            return !revocations.isRevoked(UUID.fromString(token.getSubject()), token.getIssuedAtTime());
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }
}
