package dev.kelas.runtime.messaging;

import dev.kelas.runtime.inbox.Inbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

/**
 * Starts every {@link EventConsumer} bean of the service at startup on {@link JetStreamConsumers}, and
 * wraps each delivery: decode the payload, then in one transaction mark the inbox and apply the event
 * (skipped for an id the consumer has seen), then, after the commit, {@link EventConsumer#afterCommit}.
 * Returning normally acks; throwing lets {@link JetStreamConsumers} retry with backoff and dead-letter.
 */
@ApplicationScoped
public class DeclaredConsumers {
    private final JetStreamConsumers consumers;
    private final Inbox inbox;

    public DeclaredConsumers(JetStreamConsumers consumers, Inbox inbox) {
        this.consumers = consumers;
        this.inbox = inbox;
    }

    void start(@Observes StartupEvent startup, @Any Instance<EventConsumer<?>> declared) {
        for (EventConsumer<?> consumer : declared) {
            if (consumer.enabled()) {
                consumers.start(consumer.spec(), event -> deliver(consumer, event));
            }
        }
    }

    /**
     * Applies one delivery to a declared consumer; blocking, on a consumer worker thread.
     *
     * @throws RuntimeException the handler's failure (the message is then retried)
     */
    <T> void deliver(EventConsumer<T> consumer, IncomingEvent event) {
        String name = consumer.spec().durableName();
        T data = consumer.payloadType() == IncomingEvent.class ? consumer.payloadType().cast(event) : event.data(consumer.payloadType());
        EventContext context = new EventContext(name, event.id(), event.tenantId(), event.type(), event);
        Object applied = Reactive.await(() -> Panache.withTransaction(() -> inbox.firstDelivery(name, event.id())
                .chain(first -> first ? consumer.apply(context, data).map(item -> (Object) item) : Uni.createFrom().nullItem())));
        if (applied != null) {
            consumer.afterCommit(applied);
        }
    }
}
