package dev.kelas.auth.account;

import dev.kelas.auth.audit.AuditTrail;
import dev.kelas.auth.common.ClientInfo;
import dev.kelas.auth.config.AuthConfig;
import dev.kelas.auth.token.RefreshToken;
import dev.kelas.auth.token.TokenService;
import dev.kelas.runtime.problem.NotFoundException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A user's login sessions (refresh-token families): list them, end one, end this one, end all.
 * Ending a session stops its refresh token at once; its access token lives out its 15 minutes,
 * except after "log out everywhere", which voids the user's access tokens in every service.
 */
@ApplicationScoped
public class SessionService {
    private final AuthConfig config;
    private final TokenService tokens;
    private final AuditTrail audit;

    public SessionService(AuthConfig config, TokenService tokens, AuditTrail audit) {
        this.config = config;
        this.tokens = tokens;
        this.audit = audit;
    }

    /**
     * One live session.
     *
     * @param id the session (refresh-token family) id, also the {@code sid} claim of its access tokens
     */
    public record Session(UUID id, Instant createdAt, Instant lastUsedAt, Instant expiresAt, String userAgent, String ip,
                          boolean current) {
    }

    /** The user's live sessions, most recently used first; {@code currentSessionId} is marked. */
    public Uni<List<Session>> sessions(UUID userId, UUID currentSessionId) {
        Instant now = Instant.now();
        return Panache.withSession(() -> RefreshToken.liveOf(userId, now).chain(live -> {
            List<RefreshToken> fresh = live.stream()
                    .filter(t -> (t.lastUsedAt != null ? t.lastUsedAt : t.createdAt).plus(config.refreshTokenIdleLifetime()).isAfter(now))
                    .toList();
            return startsOf(fresh.stream().map(t -> t.familyId).toList()).map(starts -> fresh.stream()
                    .map(t -> new Session(t.familyId, starts.getOrDefault(t.familyId, t.createdAt), t.lastUsedAt, t.expiresAt,
                            t.userAgent, t.ip, t.familyId.equals(currentSessionId)))
                    .toList());
        }));
    }

    /**
     * Ends one of the user's sessions.
     *
     * @throws NotFoundException if the user has no such session
     */
    public Uni<Void> end(UUID tenantId, UUID userId, UUID sessionId, ClientInfo client) {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> RefreshToken.count("familyId = ?1 and userId = ?2", sessionId, userId)
                .chain(n -> n == 0 ? Uni.createFrom().failure(new NotFoundException("session", sessionId))
                        : RefreshToken.revokeFamily(sessionId, now)
                                .chain(() -> audit.record(tenantId, userId, "auth.session-ended", "session", sessionId, Map.of(), client))));
    }

    /** Ends every session of the user and voids their access tokens in every service within seconds. */
    public Uni<Void> endAll(UUID tenantId, UUID userId, ClientInfo client) {
        return Panache.withTransaction(() -> UserAccount.findInTenant(tenantId, userId)
                .onItem().ifNull().failWith(() -> new NotFoundException("user", userId))
                .chain(user -> tokens.revokeEverything(user, "LOGGED_OUT_EVERYWHERE"))
                .chain(() -> audit.record(tenantId, userId, "auth.logout-all", "user", userId, Map.of(), client)));
    }

    private static Uni<Map<UUID, Instant>> startsOf(List<UUID> families) {
        if (families.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return RefreshToken.<RefreshToken>list("familyId in ?1", families).map(rows -> {
            Map<UUID, Instant> starts = new java.util.HashMap<>();
            rows.forEach(r -> starts.merge(r.familyId, r.createdAt, (a, b) -> a.isBefore(b) ? a : b));
            return starts;
        });
    }
}
