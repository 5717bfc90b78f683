package dev.kelas.runtime.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tracing is on exactly when someone configured an OTLP endpoint; the extension's default does not count. */
class TracingSwitchTests {
    @Test
    void shouldStayOffWithOnlyTheBuiltInDefaultEndpoint() {
        assertEquals("true", disabledWith(Map.of("quarkus.otel.exporter.otlp.endpoint", "http://localhost:4317"), Integer.MIN_VALUE));
        assertEquals("true", disabledWith(Map.of(), 300));
    }

    @Test
    void shouldTurnOnWhenAnEndpointIsConfigured() {
        assertEquals("false", disabledWith(Map.of("quarkus.otel.exporter.otlp.endpoint", "http://collector:4317"), 300));
        assertEquals("false", disabledWith(Map.of("quarkus.otel.exporter.otlp.traces.endpoint", "http://collector:4318"), 250));
    }

    @Test
    void shouldLetAnExplicitSettingWin() {
        assertEquals("true", disabledWith(Map.of("quarkus.otel.exporter.otlp.endpoint", "http://collector:4317",
                "quarkus.otel.sdk.disabled", "true"), 300));
    }

    private static String disabledWith(Map<String, String> properties, int ordinal) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", ordinal))
                .withSources(new TracingSwitch())
                .build();
        return config.getRawValue("quarkus.otel.sdk.disabled");
    }
}
