package dev.kelas.runtime.messaging;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import dev.kelas.runtime.web.RequestIds;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.logging.MDC;

/** Bridges a blocking consumer thread to Hibernate Reactive, which must run on a Vert.x context. */
public final class Reactive {
    private static final List<String> MDC_KEYS = List.of("tenantId", "eventId", RequestIds.MDC_KEY);

    private Reactive() {
    }

    /**
     * Subscribes to the {@code Uni} on a fresh duplicated Vert.x context and blocks this (worker)
     * thread until it completes. Never call it on an event-loop thread.
     *
     * @return the item
     * @throws RuntimeException the failure of the {@code Uni}, unwrapped when it is unchecked
     */
    public static <T> T await(Supplier<Uni<T>> work) {
        try {
            // Carry the caller's trace context (a consumer's span) onto the duplicated context the Uni runs on.
            io.opentelemetry.context.Context traced = io.opentelemetry.context.Context.current();
            // And its log MDC (tenant, event and request id), so the Uni's log lines and outbox rows carry them.
            Map<String, Object> mdc = new HashMap<>();
            for (String key : MDC_KEYS) {
                Object value = MDC.get(key);
                if (value != null) {
                    mdc.put(key, value);
                }
            }
            return VertxContextSupport.subscribeAndAwait(() -> {
                mdc.forEach(MDC::put);
                io.opentelemetry.context.Scope scope = traced.makeCurrent();
                try {
                    return work.get().onTermination().invoke(scope::close);
                } catch (RuntimeException | Error e) {
                    scope.close();
                    throw e;
                }
            });
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
