package dev.kelas.runtime.messaging;

import jakarta.annotation.Priority;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import dev.kelas.runtime.tracing.Tracing;
import dev.kelas.runtime.web.RequestIds;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelas.contracts.EventEnvelope;
import dev.kelas.contracts.Subjects;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs durable JetStream pull consumers with explicit acks.
 *
 * <p>Each consumer gets {@code concurrency} worker threads that fetch one message at a time from
 * the same durable consumer, so several threads and several processes share its work. A handler
 * that returns acks the message; one that throws gets a NAK with exponential delay; on the last
 * allowed delivery the event is copied to {@code kelas.dlq.<consumer>} with the error in headers,
 * the {@link DeadLetterHandler} runs, and the message is terminated: never dropped silently.
 * While a handler runs, the worker tells JetStream it is still in progress every third of the ack
 * wait, so a long sandbox run is not redelivered, while a killed process's message is.
 * An event without a tenant or with an unreadable envelope is dead-lettered at once.
 *
 * <p>After a NATS reconnect every durable consumer is made sure of again and every worker binds its pull
 * subscription afresh; a worker whose fetch fails rebinds (and re-creates its consumer if the server lost it).
 */
@ApplicationScoped
public class JetStreamConsumers {
    private static final Logger LOG = Logger.getLogger(JetStreamConsumers.class);
    private static final TypeReference<EventEnvelope<JsonNode>> ENVELOPE = new TypeReference<>() {
    };

    private final JetStreamClient nats;
    private final ObjectMapper json;
    private final Tracing tracing;
    private final MeterRegistry metrics;
    private final List<Thread> workers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "jetstream-progress");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean running = true;
    private final Map<Thread, Message> inFlight = new ConcurrentHashMap<>();
    private final Map<String, ConsumerConfiguration> configurations = new ConcurrentHashMap<>();
    private final Map<String, String> streams = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicBoolean reconnectListening = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicInteger connectionGeneration = new java.util.concurrent.atomic.AtomicInteger();
    private final Duration shutdownGrace;

    public JetStreamConsumers(JetStreamClient nats, ObjectMapper json, Tracing tracing, MeterRegistry metrics,
                              @ConfigProperty(name = "kelas.messaging.shutdown-grace", defaultValue = "PT25S") Duration shutdownGrace) {
        this.metrics = metrics;
        this.shutdownGrace = shutdownGrace;
        this.nats = nats;
        this.json = json;
        this.tracing = tracing;
    }

    /**
     * Creates or updates the durable consumer and starts its worker threads.
     *
     * @throws IllegalStateException if JetStream refuses the consumer
     */
    public void start(ConsumerSpec spec, EventHandler handler) {
        ConsumerConfiguration configuration = ConsumerConfiguration.builder()
                .durable(spec.durableName())
                .filterSubject(spec.filterSubject())
                .ackPolicy(AckPolicy.Explicit)
                .deliverPolicy(DeliverPolicy.All)
                .maxDeliver(spec.maxDeliver())
                .ackWait(spec.ackWait())
                .maxAckPending(Math.max(1000, spec.concurrency() * 4))
                .build();
        try {
            nats.management().addOrUpdateConsumer(spec.stream().name(), configuration);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create JetStream consumer " + spec.durableName(), e);
        }
        configurations.put(spec.durableName(), configuration);
        streams.put(spec.durableName(), spec.stream().name());
        if (reconnectListening.compareAndSet(false, true)) {
            nats.onReconnect(this::ensureConsumers);
        }
        for (int i = 0; i < spec.concurrency(); i++) {
            Thread worker = new Thread(() -> work(spec, handler), spec.durableName() + "-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        Gauge.builder("kelas_consumer_pending", () -> consumerInfo(spec, false)).tag("consumer", spec.durableName())
                .description("Messages of a durable consumer not yet delivered (consumer lag)").register(metrics);
        Gauge.builder("kelas_consumer_ack_pending", () -> consumerInfo(spec, true)).tag("consumer", spec.durableName())
                .description("Messages delivered to a durable consumer and not yet acknowledged").register(metrics);
        LOG.infof("Consuming %s as %s with %d worker(s)", spec.filterSubject(), spec.durableName(), spec.concurrency());
    }

    /**
     * Makes sure every durable consumer of this process exists as configured (after a reconnect: a server that
     * restarted with an empty store has none). Creating an existing one with the same settings changes nothing.
     */
    private void ensureConsumers() {
        configurations.forEach((durable, configuration) -> ensureConsumer(durable, configuration));
        connectionGeneration.incrementAndGet(); // every worker binds its pull subscription afresh
    }

    private boolean ensureConsumer(String durable, ConsumerConfiguration configuration) {
        String stream = streams.get(durable);
        try {
            nats.management().addOrUpdateConsumer(stream, configuration);
            return true;
        } catch (Exception e) {
            LOG.warnf("Consumer %s: cannot make sure of it on %s yet: %s", durable, stream, e.toString());
            return false;
        }
    }

    private double consumerInfo(ConsumerSpec spec, boolean ackPending) {
        try {
            var info = nats.management().getConsumerInfo(spec.stream().name(), spec.durableName());
            return ackPending ? info.getNumAckPending() : info.getNumPending();
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    /**
     * Graceful stop (first of the shutdown steps, before the outbox relay flushes): no new fetches; messages
     * in hand get {@code kelas.messaging.shutdown-grace} to finish and be acked; whatever is still running
     * then is NAKed at once, so another replica takes it now rather than after the ack wait.
     */
    void stop(@Observes @Priority(10) ShutdownEvent event) {
        running = false;
        int busy = inFlight.size();
        long deadline = System.nanoTime() + shutdownGrace.toNanos();
        for (Thread worker : workers) {
            try {
                worker.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int handedBack = 0;
        for (Map.Entry<Thread, Message> stuck : inFlight.entrySet()) {
            stuck.getValue().nak();
            stuck.getKey().interrupt();
            handedBack++;
        }
        if (busy > 0) {
            LOG.infof("Stopping consumers: %d message(s) were in hand, %d finished, %d handed back to JetStream",
                    busy, busy - handedBack, handedBack);
        }
        heartbeats.shutdownNow();
    }

    private void work(ConsumerSpec spec, EventHandler handler) {
        JetStreamSubscription subscription = null;
        int generation = -1;
        while (running) {
            try {
                if (subscription != null && generation != connectionGeneration.get()) {
                    unsubscribeQuietly(subscription);
                    subscription = null;
                }
                if (subscription == null) {
                    generation = connectionGeneration.get();
                    subscription = nats.jetStream().subscribe(spec.filterSubject(),
                            PullSubscribeOptions.bind(spec.stream().name(), spec.durableName()));
                }
                for (Message message : subscription.fetch(1, Duration.ofSeconds(1))) {
                    inFlight.put(Thread.currentThread(), message);
                    try {
                        process(spec, handler, message);
                    } finally {
                        inFlight.remove(Thread.currentThread());
                        MDC.remove("tenantId");
                        MDC.remove("eventId");
                        MDC.remove(RequestIds.MDC_KEY);
                    }
                }
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                LOG.warnf("Consumer %s: %s; retrying in 1 s", spec.durableName(), e.toString());
                if (subscription != null) {
                    unsubscribeQuietly(subscription);
                }
                subscription = null;
                sleepQuietly(Duration.ofSeconds(1));
                ensureConsumer(spec.durableName(), configurations.get(spec.durableName())); // gone with a lost store?
            }
        }
    }

    private void process(ConsumerSpec spec, EventHandler handler, Message message) {
        long delivery = message.metaData().deliveredCount();
        IncomingEvent event;
        try {
            EventEnvelope<JsonNode> envelope = json.readValue(message.getData(), ENVELOPE);
            event = new IncomingEvent(envelope, delivery, json);
        } catch (Exception e) {
            deadLetter(spec, message, null, new IllegalArgumentException("Unreadable CloudEvents envelope or no tenant", e));
            return;
        }
        long beat = Math.max(1000, spec.ackWait().toMillis() / 3);
        ScheduledFuture<?> progress = heartbeats.scheduleAtFixedRate(message::inProgress, beat, beat, TimeUnit.MILLISECONDS);
        Span span = tracing.start(message.getSubject() + " process", SpanKind.CONSUMER,
                message.getHeaders() == null ? null : message.getHeaders().getFirst("traceparent"));
        span.setAttribute("messaging.system", "nats");
        span.setAttribute("messaging.consumer.group.name", spec.durableName());
        span.setAttribute("messaging.message.id", event.id().toString());
        span.setAttribute("messaging.delivery.count", delivery);
        MDC.put("tenantId", event.tenantId().toString());
        MDC.put("eventId", event.id().toString());
        if (RequestIds.sane(event.envelope().requestid())) { // log lines and the events this one leads to carry it
            MDC.put(RequestIds.MDC_KEY, event.envelope().requestid());
        }
        try (Scope ignored = span.makeCurrent()) {
            handler.handle(event);
            progress.cancel(false);
            message.ack();
            span.end();
        } catch (Exception e) {
            progress.cancel(false);
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, e.toString());
            span.end();
            if (delivery >= spec.maxDeliver()) {
                deadLetter(spec, message, event, e);
            } else {
                long delay = Math.min(60_000, spec.retryBackoff().toMillis() << Math.min(delivery - 1, 16));
                LOG.warnf(e, "Consumer %s failed on event %s (delivery %d of %d); retry in %d ms",
                        spec.durableName(), event.id(), delivery, spec.maxDeliver(), delay);
                message.nakWithDelay(Duration.ofMillis(delay));
            }
        }
    }

    private void deadLetter(ConsumerSpec spec, Message message, IncomingEvent event, Exception error) {
        String subject = Subjects.deadLetter(spec.durableName());
        LOG.errorf(error, "Consumer %s gives up on a message from %s; copying it to %s", spec.durableName(),
                message.getSubject(), subject);
        try {
            Headers headers = new Headers()
                    .put("Kelas-Original-Subject", message.getSubject())
                    .put("Kelas-Error", String.valueOf(error).replaceAll("[\\r\\n]", " "))
                    .put("Kelas-Deliveries", String.valueOf(message.metaData().deliveredCount()));
            if (event != null) {
                headers.put("Nats-Msg-Id", spec.durableName() + ":" + event.id());
            }
            nats.jetStream().publish(NatsMessage.builder().subject(subject).headers(headers)
                    .data(message.getData() == null ? new byte[0] : message.getData()).build());
            if (event != null && spec.onDeadLetter() != null) {
                spec.onDeadLetter().deadLettered(event, error);
            }
            message.term();
        } catch (Exception e) {
            LOG.errorf(e, "Dead-lettering failed for consumer %s; the message will be redelivered", spec.durableName());
            message.nakWithDelay(Duration.ofSeconds(5));
        }
    }

    private static void unsubscribeQuietly(JetStreamSubscription subscription) {
        try {
            subscription.unsubscribe();
        } catch (RuntimeException ignored) {
            // the connection may be gone; the subscription goes with it
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
