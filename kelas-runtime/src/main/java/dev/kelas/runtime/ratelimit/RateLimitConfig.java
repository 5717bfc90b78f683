package dev.kelas.runtime.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The general rate limits of every Kelas service ({@code kelas.rate-limit.*}, docs/edge.md): route groups,
 * each with a quota per user and per client address over a window, counted in PostgreSQL so every
 * replica of a service shares the counts.
 */
@ConfigMapping(prefix = "kelas.rate-limit")
public interface RateLimitConfig {
    /** The paths never limited by default: health, metrics, OpenAPI, the build and health documents, JWKS. */
    String DEFAULT_EXEMPT_PREFIXES = "/q/,/version,/healthz,/.well-known/";

    /** Whether requests are limited at all (env {@code KELAS_RATE_LIMIT_ENABLED}). */
    @WithDefault("true")
    boolean enabled();

    /** The order in which the groups' {@code match} patterns are tried; the first match wins. */
    List<String> order();

    /** The route groups by name. */
    Map<String, Group> groups();

    /**
     * How far one replica may count ahead of the shared counts: it syncs with PostgreSQL after this many
     * requests of one bucket, or this long after the first unsynced one, whichever comes first. 0 syncs
     * every request (exact, one database round trip per request and limit).
     */
    @WithDefault("10")
    long maxUnsynchronizedRequests();

    /** See {@link #maxUnsynchronizedRequests()}. */
    @WithDefault("PT0.2S")
    Duration maxUnsynchronizedDelay();

    /** How many buckets one replica keeps in memory (least recently used ones are dropped). */
    @WithDefault("10000")
    int cachedBuckets();

    /** Path prefixes never limited ({@link #DEFAULT_EXEMPT_PREFIXES} unless configured). */
    @WithDefault(DEFAULT_EXEMPT_PREFIXES)
    List<String> exemptPrefixes();

    /** One route group. */
    interface Group {
        /** A Java regular expression matched against {@code "METHOD /path"}, e.g. {@code POST /api/v1/auth/login}. */
        String match();

        /** Requests per window per signed-in user; absent: not limited per user. */
        OptionalInt perUser();

        /** Requests per window per client address; absent: not limited per address. */
        OptionalInt perAddress();

        /** The window the quotas refill over. */
        @WithDefault("PT1M")
        Duration window();
    }
}
