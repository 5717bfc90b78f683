package dev.kelas.runtime.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Carries one trace across the outbox and NATS as a W3C {@code traceparent} (Trace Context, level 1):
 * the REST call's span is written into the outbox row, the relay's publish span into the NATS header,
 * and each consumer continues from that header, so one submission is one trace from its REST call to
 * the SSE push. Spans follow the OpenTelemetry messaging conventions ({@code <subject> publish} as
 * PRODUCER, {@code <subject> process} as CONSUMER). With the SDK off every span is a no-op.
 */
@ApplicationScoped
public class Tracing {
    private static final Pattern TRACEPARENT = Pattern.compile("^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$");

    private final Tracer tracer;

    public Tracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /** The {@code traceparent} of the current span, or null when there is none (or tracing is off). */
    public static String currentTraceparent() {
        return traceparentOf(Span.current().getSpanContext());
    }

    /** The {@code traceparent} of a span context, or null if it is not valid. */
    public static String traceparentOf(SpanContext context) {
        if (!context.isValid()) {
            return null;
        }
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
    }

    /** The context a {@code traceparent} names, as a remote parent; the root context if null or malformed. */
    public static Context parentFrom(String traceparent) {
        if (traceparent == null) {
            return Context.root();
        }
        Matcher m = TRACEPARENT.matcher(traceparent.trim());
        if (!m.matches()) {
            return Context.root();
        }
        SpanContext remote = SpanContext.createFromRemoteParent(m.group(1), m.group(2),
                TraceFlags.fromHex(m.group(3), 0), TraceState.getDefault());
        return remote.isValid() ? Context.root().with(Span.wrap(remote)) : Context.root();
    }

    /**
     * Starts a span under the parent a {@code traceparent} names (or a new trace); the caller ends it.
     *
     * @param kind PRODUCER for a publish, CONSUMER for a delivery
     */
    public Span start(String name, SpanKind kind, String parentTraceparent) {
        return tracer.spanBuilder(name).setSpanKind(kind).setParent(parentFrom(parentTraceparent)).startSpan();
    }
}
