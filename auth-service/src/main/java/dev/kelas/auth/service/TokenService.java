package dev.kelas.auth.service;

import dev.kelas.auth.config.AuthConfig;
import dev.kelas.auth.domain.RefreshToken;
import dev.kelas.auth.domain.UserAccount;
import dev.kelas.runtime.problem.UnauthenticatedException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Issues access tokens (RS256 JWT with {@code iss}, {@code aud}, {@code sub}, {@code tenant},
 * {@code groups}, {@code email}, {@code jti}, {@code iat}, {@code exp}) and rotating opaque refresh
 * tokens (256 random bits, stored as SHA-256), per RFC 8725 and RFC 9700 section 4.14.
 */
@ApplicationScoped
public class TokenService {
    private static final Logger LOG = Logger.getLogger(TokenService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AuthConfig config;
    private final SigningKeys keys;

    public TokenService(AuthConfig config, SigningKeys keys) {
        this.config = config;
        this.keys = keys;
    }

    /** Starts a new session (refresh-token family) for a user who just proved their password. */
    public Uni<TokenPair> startSession(UserAccount user) {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> issue(user, UUID.randomUUID(), now.plus(config.refreshTokenLifetime()), now));
    }

    /**
     * Exchanges a refresh token for a new pair and retires the old one. Presenting a token that was
     * already rotated or revoked revokes its whole family (a stolen copy is then useless too).
     *
     * @throws UnauthenticatedException for an unknown, expired, reused or revoked token, or an inactive user
     */
    public Uni<TokenPair> refresh(String presentedToken) {
        String hash = sha256(presentedToken);
        Instant now = Instant.now();
        return Panache.withTransaction(() -> RefreshToken.<RefreshToken>find("tokenHash", hash)
                        .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                        .chain(token -> {
                            if (token == null || now.isAfter(token.expiresAt)) {
                                return Uni.createFrom().<TokenPair>nullItem();
                            }
                            if (!token.usableAt(now)) {
                                LOG.warnf("Refresh token reuse in family %s of user %s: revoking the family",
                                        token.familyId, token.userId);
                                return RefreshToken.revokeFamily(token.familyId, now).replaceWith(Uni.createFrom().<TokenPair>nullItem());
                            }
                            token.rotatedAt = now;
                            return UserAccount.<UserAccount>findById(token.userId).chain(user -> user == null || !user.active
                                    ? Uni.createFrom().<TokenPair>nullItem()
                                    : issue(user, token.familyId, token.expiresAt, now));
                        }))
                .onItem().ifNull().failWith(() -> new UnauthenticatedException("The refresh token is invalid, expired or was already used"));
    }

    private Uni<TokenPair> issue(UserAccount user, UUID familyId, Instant familyExpiresAt, Instant now) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String refreshToken = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        RefreshToken row = new RefreshToken();
        row.id = UUID.randomUUID();
        row.tenantId = user.tenantId;
        row.userId = user.id;
        row.familyId = familyId;
        row.tokenHash = sha256(refreshToken);
        row.createdAt = now;
        row.expiresAt = familyExpiresAt;
        long lifetime = config.jwt().accessTokenLifetime().toSeconds();
        String accessToken = Jwt.issuer(config.jwt().issuer())
                .audience(config.jwt().audience())
                .subject(user.id.toString())
                .groups(Set.of(user.role.name()))
                .claim("tenant", user.tenantId.toString())
                .claim("email", user.email)
                .claim("jti", UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plusSeconds(lifetime))
                .jws().keyId(keys.keyId())
                .sign(keys.privateKey());
        return row.persist().replaceWith(new TokenPair(accessToken, refreshToken, lifetime));
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
