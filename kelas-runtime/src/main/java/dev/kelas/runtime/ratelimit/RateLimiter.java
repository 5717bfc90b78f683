package dev.kelas.runtime.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.RemoteBucketBuilder;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Token buckets in PostgreSQL (Bucket4j's select-for-update proxy manager over table
 * {@code rate_limit_bucket}), so every replica of a service draws on the same counts. Each bucket holds
 * its quota and refills it greedily over the window (Bucket4j {@code refillGreedy}: one request's worth
 * every window/quota). A bucket's row expires once it would be full again and is swept by
 * {@link #removeExpired(int)}.
 *
 * <p>Blocking: {@link #consume} talks JDBC and must not run on an event-loop thread.
 */
public class RateLimiter {
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final long maxUnsynchronized;
    private final Duration maxUnsynchronizedDelay;
    private final Map<String, BucketProxy> proxies;

    /**
     * @param dataSource             the service's JDBC pool
     * @param maxUnsynchronized      requests a bucket may count locally before it syncs (0: every request)
     * @param maxUnsynchronizedDelay the longest a local count waits before it syncs
     * @param cachedBuckets          buckets kept in memory (LRU)
     */
    public RateLimiter(DataSource dataSource, long maxUnsynchronized, Duration maxUnsynchronizedDelay, int cachedBuckets) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
        this.maxUnsynchronized = maxUnsynchronized;
        this.maxUnsynchronizedDelay = maxUnsynchronizedDelay;
        this.proxies = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, BucketProxy> eldest) {
                return size() > cachedBuckets;
            }
        });
    }

    /** One limit to draw from: the bucket's key, the policy name it reports under, quota and window. */
    public record Limit(String key, String policy, long quota, Duration window) {
    }

    /**
     * Takes one request from each limit's bucket and says what each answered. A request refused by one
     * limit still counts against the others (the counts stay conservative).
     */
    public List<Quota> consume(List<Limit> limits) {
        List<Quota> quotas = new ArrayList<>(limits.size());
        for (Limit limit : limits) {
            ConsumptionProbe probe = bucket(limit).tryConsumeAndReturnRemaining(1);
            long windowSeconds = Math.max(1, limit.window().toSeconds());
            quotas.add(new Quota(limit.policy(), limit.quota(), windowSeconds, probe.getRemainingTokens(),
                    ceilSeconds(probe.getNanosToWaitForReset()), probe.isConsumed(),
                    probe.isConsumed() ? 0 : Math.max(1, ceilSeconds(probe.getNanosToWaitForRefill()))));
        }
        return quotas;
    }

    /** Deletes up to {@code batch} bucket rows that have refilled completely; returns how many went. */
    public int removeExpired(int batch) {
        return buckets.removeExpired(batch);
    }

    private BucketProxy bucket(Limit limit) {
        String id = limit.key() + "|" + limit.quota() + "/" + limit.window().toSeconds();
        return proxies.computeIfAbsent(id, key -> {
            BucketConfiguration configuration = BucketConfiguration.builder()
                    .addLimit(l -> l.capacity(limit.quota()).refillGreedy(limit.quota(), limit.window()))
                    .build();
            RemoteBucketBuilder<String> builder = buckets.builder();
            if (maxUnsynchronized > 0) {
                builder = builder.withOptimization(Optimizations.delaying(
                        new DelayParameters(maxUnsynchronized, maxUnsynchronizedDelay)));
            }
            return builder.build(key, () -> configuration);
        });
    }

    private static long ceilSeconds(long nanos) {
        return nanos <= 0 ? 0 : (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
