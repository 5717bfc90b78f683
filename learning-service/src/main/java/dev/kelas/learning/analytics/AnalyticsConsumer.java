package dev.kelas.learning.analytics;

import dev.kelas.runtime.messaging.EventConsumer;

/**
 * A durable consumer that feeds the analytics read model, one per event type it projects. The marker lets
 * {@link AnalyticsRebuildService} replay the streams through exactly these consumers' {@code apply}, so the
 * live projection and the rebuild share one dispatch from event type to projection.
 *
 * @param <T> the payload record
 */
public interface AnalyticsConsumer<T> extends EventConsumer<T> {
}
