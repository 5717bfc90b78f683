package dev.kelas.runtime.ratelimit;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What one limit said of one request: the policy's name (group and key kind, e.g. {@code writes-user}),
 * its quota per window, what is left, and when it is full again.
 *
 * @param policy       the policy name, e.g. {@code reads-address}
 * @param quota        requests per window
 * @param windowSeconds the window, in seconds
 * @param remaining    requests left now
 * @param resetSeconds seconds until the quota is full again
 * @param allowed      whether this request was let through
 * @param retryAfterSeconds seconds until one more request would pass (0 when allowed)
 */
public record Quota(String policy, long quota, long windowSeconds, long remaining, long resetSeconds, boolean allowed,
        long retryAfterSeconds) {

    /**
     * The {@code RateLimit-Policy} field (IETF draft-ietf-httpapi-ratelimit-headers, structured-field list):
     * {@code "writes-user";q=120;w=60, "writes-address";q=3000;w=60}.
     */
    public static String policyHeader(List<Quota> quotas) {
        return quotas.stream().map(q -> "\"" + q.policy + "\";q=" + q.quota + ";w=" + q.windowSeconds)
                .collect(Collectors.joining(", "));
    }

    /** The {@code RateLimit} field of the same draft: {@code "writes-user";r=119;t=1, ...}. */
    public static String rateLimitHeader(List<Quota> quotas) {
        return quotas.stream().map(q -> "\"" + q.policy + "\";r=" + q.remaining + ";t=" + q.resetSeconds)
                .collect(Collectors.joining(", "));
    }

    /** The longest wait any refusing limit asks for, in whole seconds (at least 1), or 0 when all allowed. */
    public static long retryAfter(List<Quota> quotas) {
        return quotas.stream().filter(q -> !q.allowed).mapToLong(Quota::retryAfterSeconds).max().orElse(0);
    }
}
