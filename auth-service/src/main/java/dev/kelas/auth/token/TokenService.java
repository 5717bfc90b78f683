package dev.kelas.auth.token;

import dev.kelas.auth.account.UserAccount;
import dev.kelas.auth.audit.AuditTrail;
import dev.kelas.auth.common.ClientInfo;
import dev.kelas.auth.config.AuthConfig;
import dev.kelas.contracts.events.AccessRevoked;
import dev.kelas.runtime.outbox.Outbox;
import dev.kelas.runtime.problem.UnauthenticatedException;
import dev.kelas.runtime.security.RevokedTokenAugmentor;
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
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Issues access tokens (RS256 JWT with {@code iss}, {@code aud}, {@code sub}, {@code tenant},
 * {@code groups}, {@code email}, {@code sid} (the session), {@code typ}, {@code jti}, {@code iat},
 * {@code exp}) and rotating opaque refresh tokens (256 random bits, stored as SHA-256), per RFC 8725
 * and RFC 9700 section 4.14. A session (refresh-token family) dies at its absolute lifetime, after
 * its idle lifetime without a refresh, at logout, or when a rotated token is presented again.
 */
@ApplicationScoped
public class TokenService {
    private static final Logger LOG = Logger.getLogger(TokenService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AuthConfig config;
    private final SigningKeys keys;
    private final Outbox outbox;
    private final AuditTrail audit;

    public TokenService(AuthConfig config, SigningKeys keys, Outbox outbox, AuditTrail audit) {
        this.config = config;
        this.keys = keys;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** Starts a new session for a user who just proved their password. Call inside a transaction. */
    public Uni<TokenPair> startSession(UserAccount user, ClientInfo client) {
        Instant now = Instant.now();
        return issue(user, UUID.randomUUID(), now.plus(config.refreshTokenLifetime()), now, client);
    }

    /**
     * Exchanges a refresh token for a new pair and retires the old one. Presenting a token that was
     * already rotated or revoked revokes its whole family (a stolen copy is then useless too).
     *
     * @throws UnauthenticatedException for an unknown, expired, idle, reused or revoked token, or an inactive user
     */
    public Uni<TokenPair> refresh(String presentedToken, ClientInfo client) {
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
                                return RefreshToken.revokeFamily(token.familyId, now)
                                        .chain(() -> audit.record(token.tenantId, null, "auth.refresh-token-reused", "session",
                                                token.familyId, java.util.Map.of("userId", token.userId.toString()), client))
                                        .replaceWith(Uni.createFrom().<TokenPair>nullItem());
                            }
                            Instant lastUse = token.lastUsedAt != null ? token.lastUsedAt : token.createdAt;
                            if (lastUse.plus(config.refreshTokenIdleLifetime()).isBefore(now)) {
                                return RefreshToken.revokeFamily(token.familyId, now).replaceWith(Uni.createFrom().<TokenPair>nullItem());
                            }
                            token.rotatedAt = now;
                            return UserAccount.<UserAccount>findById(token.userId).chain(user -> user == null || !user.active
                                    ? Uni.createFrom().<TokenPair>nullItem()
                                    : issue(user, token.familyId, token.expiresAt, now, client));
                        }))
                .onItem().ifNull().failWith(() -> new UnauthenticatedException("The refresh token is invalid, expired or was already used"));
    }

    /**
     * Ends every session of a user and voids their access tokens everywhere: the refresh tokens are
     * revoked here and {@code kelas.auth.user.access-revoked} tells every service, through the outbox,
     * to refuse access tokens issued up to now. Call inside a transaction.
     *
     * @param reason {@code DEACTIVATED}, {@code ROLE_CHANGED}, {@code LOGGED_OUT_EVERYWHERE} or {@code PASSWORD_CHANGED}
     */
    public Uni<Void> revokeEverything(UserAccount user, String reason) {
        Instant now = Instant.now();
        Instant upTo = voidUpToAfter(now, user.tokensVoidUpTo);
        user.tokensVoidUpTo = upTo;
        return RefreshToken.revokeAllOf(user.id, now)
                .chain(() -> outbox.record(user.tenantId, new AccessRevoked(user.id, user.tenantId, upTo, reason, now)))
                .replaceWithVoid();
    }

    /**
     * Up to when a revocation now voids tokens: now, or later if tokens issued since the last revocation may
     * carry the second after it as their {@code iat} (see {@link #issuedAtAfterRevocation}).
     */
    static Instant voidUpToAfter(Instant now, Instant previousVoidUpTo) {
        if (previousVoidUpTo == null) {
            return now;
        }
        Instant floor = previousVoidUpTo.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        return floor.isAfter(now) ? floor : now;
    }

    private Uni<TokenPair> issue(UserAccount user, UUID familyId, Instant familyExpiresAt, Instant now, ClientInfo client) {
        String refreshToken = randomToken();
        RefreshToken row = new RefreshToken();
        row.id = UUID.randomUUID();
        row.tenantId = user.tenantId;
        row.userId = user.id;
        row.familyId = familyId;
        row.tokenHash = sha256(refreshToken);
        row.createdAt = now;
        row.lastUsedAt = now;
        row.expiresAt = familyExpiresAt;
        row.ip = client.ip();
        row.userAgent = client.userAgent();
        long lifetime = config.jwt().accessTokenLifetime().toSeconds();
        Instant issuedAt = issuedAtAfterRevocation(now, user.tokensVoidUpTo);
        SigningKeys.RingKey key = keys.current();
        String accessToken = Jwt.issuer(config.jwt().issuer())
                .audience(config.jwt().audience())
                .subject(user.id.toString())
                .groups(Set.of(user.role.name()))
                .claim("tenant", user.tenantId.toString())
                .claim("email", user.email)
                .claim("sid", familyId.toString())
                .claim("typ", RevokedTokenAugmentor.ACCESS_TOKEN_TYPE)
                .claim("jti", UUID.randomUUID().toString())
                .issuedAt(issuedAt)
                .expiresAt(issuedAt.plusSeconds(lifetime))
                .jws().keyId(key.kid())
                .sign(key.privateKey());
        return row.persist().replaceWith(new TokenPair(accessToken, refreshToken, lifetime));
    }

    /**
     * The {@code iat} of a new token: now, but at least one second after the user's last revocation, since
     * {@code iat} has whole seconds and every token with {@code iat} up to that second is refused.
     */
    static Instant issuedAtAfterRevocation(Instant now, Instant voidUpTo) {
        Instant second = now.truncatedTo(ChronoUnit.SECONDS);
        if (voidUpTo != null && !second.isAfter(voidUpTo.truncatedTo(ChronoUnit.SECONDS))) {
            return voidUpTo.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        }
        return second;
    }

    /** SHA-256 of a token, hex; tokens are stored only this way. */
    public static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 256 random bits, base64url: a new opaque token. */
    public static String randomToken() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
