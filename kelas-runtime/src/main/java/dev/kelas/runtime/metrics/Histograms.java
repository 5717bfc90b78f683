package dev.kelas.runtime.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Publishes histogram buckets ({@code _bucket} series) for HTTP server requests and Kelas's own timers
 * ({@code kelas_*}), so dashboards can compute p95/p99 with {@code histogram_quantile} across replicas.
 */
@Singleton
public class Histograms {
    /** The filter Quarkus applies to every registry. */
    @Produces
    @Singleton
    public MeterFilter percentileHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                String name = id.getName();
                if (id.getType() == Meter.Type.TIMER && (name.startsWith("http.server.requests") || name.startsWith("kelas"))) {
                    return DistributionStatisticConfig.builder().percentilesHistogram(true).build().merge(config);
                }
                return config;
            }
        };
    }
}
