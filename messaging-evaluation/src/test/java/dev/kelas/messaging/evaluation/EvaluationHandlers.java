package dev.kelas.messaging.evaluation;

import dev.kelas.messaging.evaluation.Deliveries.Delivery;
import io.opentelemetry.api.trace.Span;
import io.quarkiverse.reactive.messaging.nats.jetstream.client.api.SubscribeMessageMetadata;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The {@code @Incoming} handlers the tests drive, one channel per guarantee; what each call saw goes into
 * {@link Deliveries}. Acks and nacks are the connector's: a returned Uni/CompletionStage decides them.
 */
@ApplicationScoped
public class EvaluationHandlers {
    /** Set while the inbox handler's transaction is open (before its commit). */
    public static final AtomicBoolean INBOX_TRANSACTION_OPEN = new AtomicBoolean();

    @Inject
    PgPool pool;

    /** (1)/(6): payload {@code fail-once-*} fails its first delivery, {@code always-fail-*} every delivery. */
    @Incoming("redelivery")
    public CompletionStage<Void> redelivery(Message<String> message) {
        long delivered = delivered(message);
        Deliveries.add("redelivery", new Delivery(message.getPayload(), delivered, Instant.now(), Instant.now(), null));
        boolean fail = message.getPayload().contains("always-fail") || (message.getPayload().contains("fail-once") && delivered == 1);
        return fail ? message.nack(new IllegalStateException("handler failed")) : message.ack();
    }

    /**
     * (2): payload {@code <event id>:<behaviour>}. In one transaction: Inbox row (skip when the event id is there),
     * effect row, then for {@code slow} 1.5 s more inside the transaction. {@code fail-after-commit} fails the first
     * delivery after the commit (a crash between commit and ack). The connector acks when the Uni completes.
     */
    @Incoming("inbox")
    public Uni<Void> inbox(Message<String> message) {
        String[] parts = message.getPayload().split(":");
        String eventId = parts[0];
        String behaviour = parts[1];
        long delivered = delivered(message);
        Deliveries.add("inbox", new Delivery(message.getPayload(), delivered, Instant.now(), null, null));
        Uni<Void> transaction = pool.withTransaction(connection -> connection
                .preparedQuery("insert into inbox (event_id) values ($1) on conflict do nothing").execute(Tuple.of(eventId))
                .flatMap(inserted -> inserted.rowCount() == 0 ? Uni.createFrom().voidItem()
                        : connection.preparedQuery("insert into effect (event_id) values ($1)").execute(Tuple.of(eventId)).replaceWithVoid())
                .invoke(() -> INBOX_TRANSACTION_OPEN.set(behaviour.equals("slow")))
                .flatMap(ignored -> behaviour.equals("slow")
                        ? connection.query("select pg_sleep(1.5)").execute().replaceWithVoid()
                        : Uni.createFrom().voidItem()))
                .invoke(() -> INBOX_TRANSACTION_OPEN.set(false));
        return transaction
                .flatMap(committed -> behaviour.equals("fail-after-commit") && delivered == 1
                        ? Uni.createFrom().failure(new IllegalStateException("crash after commit, before ack"))
                        : Uni.createFrom().voidItem())
                .onItemOrFailure().transformToUni((ok, failure) -> Uni.createFrom()
                        .completionStage(failure == null ? message.ack() : message.nack(failure)));
    }

    /** (3): a blocking handler that takes 3 s, three times the consumer's ack-wait. */
    @Incoming("long")
    @Blocking
    public CompletionStage<Void> longRunning(Message<String> message) throws InterruptedException {
        Instant started = Instant.now();
        Thread.sleep(3000);
        Deliveries.add("long", new Delivery(message.getPayload(), delivered(message), started, Instant.now(), null));
        return message.ack();
    }

    /** (5): payloads {@code <run>-<n>}; {@code <run>-<n>-fail} fails its first delivery; 0-20 ms of work each. */
    @Incoming("ordered")
    @Blocking
    public CompletionStage<Void> ordered(Message<String> message) throws InterruptedException {
        long delivered = delivered(message);
        Deliveries.add("ordered", new Delivery(message.getPayload(), delivered, Instant.now(), Instant.now(), null));
        Thread.sleep((long) (Math.random() * 20));
        if (message.getPayload().endsWith("-fail") && delivered == 1) {
            return message.nack(new IllegalStateException("handler failed"));
        }
        return message.ack();
    }

    /** (7): records the trace id current inside the handler. */
    @Incoming("traced")
    public CompletionStage<Void> traced(Message<String> message) {
        String traceId = Span.current().getSpanContext().getTraceId();
        Deliveries.add("traced", new Delivery(message.getPayload(), delivered(message), Instant.now(), Instant.now(), traceId));
        return message.ack();
    }

    private static long delivered(Message<?> message) {
        return message.getMetadata(SubscribeMessageMetadata.class).map(SubscribeMessageMetadata::deliveredCount).orElse(0L);
    }
}
