package dev.kelas.notification.common;

import dev.kelas.runtime.problem.UnauthenticatedException;
import dev.kelas.runtime.security.AccessRevocations;
import dev.kelas.runtime.security.Caller;
import dev.kelas.runtime.security.RevokedTokenAugmentor;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies an access token presented outside the usual {@code Authorization} header check: on the SSE
 * stream (browsers' EventSource cannot set headers) and on the WebSocket (nor can browsers' WebSocket).
 * The same rules as every other endpoint: RS256 from auth's JWKS, issuer, audience, {@code typ} access,
 * not on the deny-list.
 */
@ApplicationScoped
public class AccessTokens {
    private final JWTParser jwtParser;
    private final RevokedTokenAugmentor tokenCheck;
    private final AccessRevocations revocations;

    public AccessTokens(JWTParser jwtParser, RevokedTokenAugmentor tokenCheck, AccessRevocations revocations) {
        this.jwtParser = jwtParser;
        this.tokenCheck = tokenCheck;
        this.revocations = revocations;
    }

    /**
     * Who a verified token names.
     *
     * @param issuedAt the token's {@code iat}, seconds since the epoch (a revocation voids tokens issued up to a moment)
     */
    public record Identity(UUID tenantId, UUID userId, Set<String> roles, long issuedAt) {
    }

    /**
     * Verifies the token from an {@code Authorization: Bearer} header or, failing that, an {@code access_token}
     * query parameter.
     *
     * @throws UnauthenticatedException if there is none, or it is not a valid, unrevoked access token
     */
    public Identity verify(String authorization, String accessToken) {
        String raw = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : accessToken;
        if (raw == null || raw.isBlank()) {
            throw new UnauthenticatedException("A valid access token is required (Authorization header or access_token)");
        }
        JsonWebToken token;
        try {
            token = jwtParser.parse(raw);
        } catch (ParseException e) {
            throw new UnauthenticatedException("A valid access token is required");
        }
        if (!tokenCheck.isUsable(token)) {
            throw new UnauthenticatedException("The access token was revoked or is not an access token");
        }
        return new Identity(uuidClaim(token.getClaim(Caller.TENANT_CLAIM)), uuidClaim(token.getSubject()),
                token.getGroups() == null ? Set.of() : Set.copyOf(token.getGroups()), token.getIssuedAtTime());
    }

    /** Whether the token an identity came from has been revoked since it was verified. */
    public boolean revoked(Identity identity) {
        return revocations.isRevoked(identity.userId(), identity.issuedAt());
    }

    private static UUID uuidClaim(Object value) {
        try {
            return UUID.fromString(String.valueOf(value).replace("\"", ""));
        } catch (IllegalArgumentException e) {
            throw new UnauthenticatedException("The access token lacks its subject or tenant");
        }
    }
}
