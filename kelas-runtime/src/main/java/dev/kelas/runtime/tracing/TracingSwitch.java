package dev.kelas.runtime.tracing;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Turns OpenTelemetry off unless an OTLP endpoint is configured ({@code quarkus.otel.exporter.otlp.endpoint}
 * or {@code quarkus.otel.exporter.otlp.traces.endpoint}, e.g. env {@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT}):
 * without a collector the exporter would only log failed exports. An explicit
 * {@code quarkus.otel.sdk.disabled} still wins (this source has the lowest ordinal).
 */
public class TracingSwitch implements ConfigSourceFactory {
    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        boolean configured = isSet(context.getValue("quarkus.otel.exporter.otlp.endpoint"))
                || isSet(context.getValue("quarkus.otel.exporter.otlp.traces.endpoint"));
        return List.of(new PropertiesConfigSource(Map.of("quarkus.otel.sdk.disabled", String.valueOf(!configured)),
                "kelas-tracing-switch", 1));
    }

    /** Set by a user (environment, system property, a properties file): not the extension's built-in default. */
    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank() && value.getConfigSourceOrdinal() > 0;
    }
}
