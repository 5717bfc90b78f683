package dev.kelas.runtime.messaging;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/** Bridges a blocking consumer thread to Hibernate Reactive, which must run on a Vert.x context. */
public final class Reactive {
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
            return VertxContextSupport.subscribeAndAwait(() -> {
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
