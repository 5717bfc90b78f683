package dev.kelas.auth.account;

import dev.kelas.auth.config.AuthConfig;
import dev.kelas.runtime.problem.TooManyRequestsException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

/**
 * Brute-force protection of logins (OWASP ASVS 5.0 V6.3.1, OWASP Authentication Cheat Sheet), kept in
 * PostgreSQL so every replica sees the same counts. Three counters per failed login, each over a
 * one-hour window from its first failure:
 * <ul>
 *   <li>the pair (account, client address): past {@code freeAttemptsPerPair} failures each further
 *       one makes that pair wait 1 s, 2 s, 4 s ... up to {@code maxDelay};</li>
 *   <li>the client address over all accounts: the same past {@code freeAttemptsPerAddress}, so one
 *       address cannot try a password against many accounts;</li>
 *   <li>the account from everywhere: beyond {@code maxFailuresPerAccountPerHour} a login from an
 *       address the user has never logged in from is refused until the window ends, so an attack
 *       spread over many addresses stays bounded.</li>
 * </ul>
 * Addresses the user logged in from before keep working while the account is attacked, so an
 * attacker cannot lock the owner out. Accounts are keyed by school slug and e-mail as typed, whether
 * or not the account exists, so the answers never tell which e-mails exist. A refused attempt is
 * 429 RATE_LIMITED with {@code Retry-After}; it is checked before the password, costing no hash.
 */
@ApplicationScoped
public class LoginThrottle {
    private static final Duration WINDOW = Duration.ofHours(1);
    private static final String RECORD_FAILURE = """
            insert into login_failure (key, failures, window_started_at, last_failure_at) values (?1, 1, ?2, ?2)
            on conflict (key) do update set
              failures = case when login_failure.window_started_at < ?3 then 1 else login_failure.failures + 1 end,
              window_started_at = case when login_failure.window_started_at < ?3 then ?2 else login_failure.window_started_at end,
              last_failure_at = ?2
            returning failures""";

    private final AuthConfig.Throttle limits;

    public LoginThrottle(AuthConfig config) {
        this.limits = config.throttle();
    }

    /** The counter keys of one login attempt. */
    public record Keys(String account, String address, String pair, String ip) {
        /** Keys for a login to {@code email} at school {@code slug} from {@code ip}. */
        public static Keys of(String slug, String email, String ip) {
            String account = "account:" + slug.toLowerCase(Locale.ROOT) + ":" + email.strip().toLowerCase(Locale.ROOT);
            return new Keys(account, "ip:" + ip, "pair:" + account.substring("account:".length()) + ":" + ip, ip);
        }
    }

    /**
     * Refuses the attempt when one of its counters says wait. Call inside a session, before checking the password.
     *
     * @param userId the account's id if it exists (to recognise addresses it logged in from), else null
     * @throws TooManyRequestsException (429, with the seconds to wait)
     */
    public Uni<Void> checkAllowed(Keys keys, UUID userId) {
        Instant now = Instant.now();
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select key, failures, window_started_at, blocked_until from login_failure where key in (?1, ?2, ?3)", Object[].class)
                .setParameter(1, keys.account()).setParameter(2, keys.address()).setParameter(3, keys.pair())
                .getResultList())
                .chain(rows -> knownSource(userId, keys.ip()).map(known -> {
                    long wait = 0;
                    for (Object[] row : rows) {
                        String key = (String) row[0];
                        int failures = ((Number) row[1]).intValue();
                        Instant windowStart = instant(row[2]);
                        Instant blockedUntil = row[3] == null ? null : instant(row[3]);
                        if (!key.equals(keys.account()) && blockedUntil != null && blockedUntil.isAfter(now)) {
                            wait = Math.max(wait, secondsUntil(now, blockedUntil));
                        }
                        if (key.equals(keys.account()) && !known && failures >= limits.maxFailuresPerAccountPerHour()
                                && windowStart.plus(WINDOW).isAfter(now)) {
                            wait = Math.max(wait, secondsUntil(now, windowStart.plus(WINDOW)));
                        }
                    }
                    return wait;
                }))
                .chain(wait -> wait > 0
                        ? Uni.createFrom().failure(new TooManyRequestsException(
                                "Too many failed logins; try again in " + wait + " s", wait))
                        : Uni.createFrom().voidItem());
    }

    /** Counts a failed attempt on all three counters and sets the waits that follow from them. Call in a transaction. */
    public Uni<Void> recordFailure(Keys keys) {
        Instant now = Instant.now();
        return count(keys.pair(), now, limits.freeAttemptsPerPair())
                .chain(() -> count(keys.address(), now, limits.freeAttemptsPerAddress()))
                .chain(() -> count(keys.account(), now, Integer.MAX_VALUE));
    }

    /** A successful login: clears the pair's counter and remembers the address for the user. Call in a transaction. */
    public Uni<Void> recordSuccess(Keys keys, UUID userId) {
        return Panache.getSession().chain(session -> session
                        .createNativeQuery("delete from login_failure where key = ?1").setParameter(1, keys.pair()).executeUpdate()
                        .chain(() -> session.createNativeQuery("""
                                        insert into known_login_source (user_id, ip, last_seen_at) values (?1, ?2, ?3)
                                        on conflict (user_id, ip) do update set last_seen_at = ?3""")
                                .setParameter(1, userId).setParameter(2, keys.ip()).setParameter(3, OffsetDateTime.now(ZoneOffset.UTC))
                                .executeUpdate()))
                .replaceWithVoid();
    }

    /**
     * The wait after the n-th failure: none up to {@code free}, then 1 s doubling per failure, capped.
     * (Exponential backoff as in the OWASP Authentication Cheat Sheet.)
     */
    static Duration delayAfter(int failures, int free, Duration max) {
        if (failures <= free) {
            return Duration.ZERO;
        }
        int exponent = Math.min(failures - free - 1, 30);
        Duration delay = Duration.ofSeconds(1L << exponent);
        return delay.compareTo(max) > 0 ? max : delay;
    }

    private Uni<Void> count(String key, Instant now, int free) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        return Panache.getSession().chain(session -> session.createNativeQuery(RECORD_FAILURE, Integer.class)
                .setParameter(1, key).setParameter(2, at).setParameter(3, at.minus(WINDOW))
                .getSingleResult()
                .chain(failures -> {
                    Duration delay = delayAfter(failures, free, limits.maxDelay());
                    if (delay.isZero()) {
                        return Uni.createFrom().voidItem();
                    }
                    return session.createNativeQuery("update login_failure set blocked_until = ?2 where key = ?1")
                            .setParameter(1, key).setParameter(2, at.plus(delay)).executeUpdate().replaceWithVoid();
                }));
    }

    private static Uni<Boolean> knownSource(UUID userId, String ip) {
        if (userId == null) {
            return Uni.createFrom().item(false);
        }
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select count(*) from known_login_source where user_id = ?1 and ip = ?2", Long.class)
                .setParameter(1, userId).setParameter(2, ip).getSingleResult().map(n -> n > 0));
    }

    private static long secondsUntil(Instant now, Instant then) {
        return Math.max(1, (Duration.between(now, then).toMillis() + 999) / 1000);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.time.LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }
}
