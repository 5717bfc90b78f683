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
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
