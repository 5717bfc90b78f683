package dev.kelas.messaging.evaluation;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nats.client.impl.Headers;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Guarantee (7), the consumer continues the publisher's trace: measured with connector 3.30.3 on a message
 * published by plain jnats with a W3C {@code traceparent} header (how Kelas' outbox relay publishes).
 */
@QuarkusTest
@QuarkusTestResource(EvaluationEnvironment.class)
class TracingTests {
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Inject
    RecordedSpans recorded;

    /** The receive span joins the header's trace; see the assertions for what the handler sees. */
    @Test
    void theConsumerJoinsThePublishersTrace() {
        Publisher.publish("kelas-eval.traced", Publisher.RUN + "traced-1", new Headers().put("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01"));

        await().atMost(Duration.ofSeconds(10)).until(() -> !Deliveries.of("traced", Publisher.RUN + "traced-1").isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> !spansOf(TRACE_ID).isEmpty());
        List<SpanData> spans = spansOf(TRACE_ID);
        System.out.println("Spans of the trace: " + spans);
        System.out.println("Trace id in the handler: " + Deliveries.of("traced", Publisher.RUN + "traced-1").get(0).traceId());
        assertEquals(SpanKind.CONSUMER, spans.get(0).getKind());
        assertEquals("00f067aa0ba902b7", spans.get(0).getParentSpanId());
    }

    private List<SpanData> spansOf(String traceId) {
        return recorded.spans().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    }
}
