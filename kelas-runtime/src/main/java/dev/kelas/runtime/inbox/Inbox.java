package dev.kelas.runtime.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The consumer side of exactly-once processing over at-least-once delivery: records a message id
 * in {@code processed_message} in the handler's own transaction (Eventuate Tram's
 * idempotent consumer). A rolled-back handler leaves no mark, so the redelivery is processed.
 */
@ApplicationScoped
public class Inbox {
    private static final String MARK = """
            insert into processed_message (consumer, message_id) values (?1, ?2) on conflict do nothing""";

    /**
     * Marks a message processed by a consumer. Must run inside the handler's transaction.
     *
     * @return true the first time this consumer sees this message id, false for a duplicate
     */
    public Uni<Boolean> firstDelivery(String consumer, UUID messageId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(MARK)
                        .setParameter(1, consumer)
                        .setParameter(2, messageId)
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /**
     * Runs the work only on this consumer's first delivery of the message, in the same transaction
     * as the inbox mark: {@code if (inbox.alreadyProcessed(id)) return;} in one call.
     *
     * @return the work's item, or null for a message seen before
     */
    public <T> Uni<T> once(String consumer, UUID messageId, java.util.function.Supplier<Uni<T>> work) {
        return firstDelivery(consumer, messageId).chain(first -> first ? work.get() : Uni.createFrom().nullItem());
    }
}
