package dev.kelas.runtime.outbox;

import jakarta.annotation.Priority;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import dev.kelas.runtime.tracing.Tracing;
import dev.kelas.runtime.web.RequestIds;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelas.contracts.EventEnvelope;
import dev.kelas.runtime.messaging.JetStreamClient;
import dev.kelas.runtime.messaging.NatsConfig;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes committed {@code outbox_event} rows to JetStream.
 *
 * <p>One relay thread per process. It wakes on PostgreSQL {@code NOTIFY outbox_event} (sent by a
 * trigger when a writing transaction commits) and also polls every {@code kelas.outbox.poll-interval}.
 * Each round claims up to {@code batch-size} due rows with {@code FOR UPDATE SKIP LOCKED} (so several
 * replicas share the work), publishes each with header {@code Nats-Msg-Id} = event id, waits for the
 * PubAck and marks the row published in the same transaction. A row whose publish fails gets
 * {@code attempts + 1}, {@code last_error} and an exponential {@code next_attempt_at}; nothing is
 * deleted, so neither a NATS outage nor a crash loses an event (a crash after the PubAck but before
 * the commit republishes the row, and JetStream's duplicate window drops the copy).
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String CLAIM = """
            select id, tenant_id, aggregate_id, type, payload::text as payload, traceparent, request_id, occurred_at, attempts
            from outbox_event
            where published_at is null and next_attempt_at <= now()
            order by occurred_at
            limit $1
            for update skip locked""";
    private static final String BACKLOG = """
            select count(*) as backlog,
                   coalesce((extract(epoch from now() - min(occurred_at)) * 1000)::bigint, 0) as oldest_age_millis
            from outbox_event where published_at is null""";
    private static final String MARK_PUBLISHED = "update outbox_event set published_at = now(), attempts = attempts + 1 where id = any($1)";
    private static final String RETRY_NOW = "update outbox_event set next_attempt_at = now() where published_at is null and next_attempt_at > now()";
    private static final String MARK_FAILED = """
            update outbox_event set attempts = attempts + 1, last_error = $2,
                   next_attempt_at = now() + make_interval(secs => $3)
            where id = $1""";

    private final Pool pool;
    private final JetStreamClient nats;
    private final NatsConfig natsConfig;
    private final OutboxConfig config;
    private final ObjectMapper json;
    private final Vertx vertx;
    private final Tracing tracing;
    private final String source;
    private final String datasourceUrl;
    private final Optional<String> datasourceUser;
    private final Optional<String> datasourcePassword;
    private final Semaphore wakeUp = new Semaphore(0);
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();
    private long statsMeasuredAt;
    private volatile boolean running;
    private Thread thread;
    private PgSubscriber subscriber;

    public OutboxRelay(Pool pool, JetStreamClient nats, NatsConfig natsConfig, OutboxConfig config, ObjectMapper json,
                       Vertx vertx, Tracing tracing, @ConfigProperty(name = "quarkus.application.name") String serviceName,
                       @ConfigProperty(name = "quarkus.datasource.reactive.url") String datasourceUrl,
                       @ConfigProperty(name = "quarkus.datasource.username") Optional<String> datasourceUser,
                       @ConfigProperty(name = "quarkus.datasource.password") Optional<String> datasourcePassword) {
        this.pool = pool;
        this.nats = nats;
        this.natsConfig = natsConfig;
        this.config = config;
        this.json = json;
        this.vertx = vertx;
        this.tracing = tracing;
        this.source = "/kelas/" + serviceName;
        this.datasourceUrl = datasourceUrl;
        this.datasourceUser = datasourceUser;
        this.datasourcePassword = datasourcePassword;
    }

    void start(@Observes StartupEvent event, MeterRegistry metrics) {
        if (!config.relayEnabled()) {
            return;
        }
        Gauge.builder("kelas_outbox_backlog", backlog, AtomicLong::get)
                .description("Outbox rows committed but not yet published to JetStream").register(metrics);
        Gauge.builder("kelas_outbox_oldest_age_seconds", oldestAgeMillis, a -> a.get() / 1000.0)
                .description("Age of the oldest unpublished outbox row, seconds (0 when none)").register(metrics);
        listenForNotifications();
        nats.onReconnect(this::retryNow);
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops after the consumers (their last results are in the outbox) and publishes what is left first. */
    void stop(@Observes @Priority(100) ShutdownEvent event) {
        if (thread == null) {
            return;
        }
        running = false;
        wakeUp.release();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (subscriber != null) {
            subscriber.close();
        }
    }

    /**
     * After a NATS reconnect: the rows whose publish failed while NATS was away are due again now, not after their
     * backoff (which only guards against an event JetStream itself refuses), and the relay wakes.
     */
    void retryNow() {
        try {
            pool.query(RETRY_NOW).execute().await().atMost(natsConfig.publishTimeout());
        } catch (RuntimeException e) {
            LOG.warnf("Could not make failed outbox rows due after a reconnect: %s", e.getMessage());
        }
        wakeUp();
    }

    /** Wakes the relay now instead of at the next poll (tests and the NOTIFY listener use it). */
    public void wakeUp() {
        wakeUp.release();
    }

    private void listenForNotifications() {
        PgConnectOptions options = PgConnectOptions.fromUri(datasourceUrl.replaceFirst("^vertx-reactive:", ""));
        datasourceUser.ifPresent(options::setUser);
        datasourcePassword.ifPresent(options::setPassword);
        dev.kelas.runtime.persistence.DatabaseTls.applyPoolSettings(options, org.eclipse.microprofile.config.ConfigProvider.getConfig());
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1000L);
        subscriber.channel("outbox_event").handler(payload -> wakeUp());
        subscriber.connect().onFailure(e -> LOG.warnf("LISTEN outbox_event failed, relying on polling: %s", e.getMessage()));
    }

    private void run() {
        while (running) {
            try {
                if (!nats.healthy()) { // claiming now would only push the rows' next attempt back
                    measureBacklog();
                    wakeUp.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    continue;
                }
                int published;
                do {
                    published = relayBatch();
                } while (published == config.batchSize() && running);
                measureBacklog();
                wakeUp.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Outbox relay round failed, retrying: %s", e.getMessage());
                sleepQuietly(config.pollInterval());
            }
        }
        relayBatch(); // flush what committed while stopping
    }

    /**
     * Claims, publishes and marks one batch in one transaction.
     *
     * @return how many rows were claimed
     */
    int relayBatch() {
        Duration timeout = natsConfig.publishTimeout().multipliedBy(2);
        SqlConnection connection = pool.getConnection().await().atMost(timeout);
        try {
            Transaction transaction = connection.begin().await().atMost(timeout);
            List<Row> rows = new ArrayList<>();
            connection.preparedQuery(CLAIM).execute(Tuple.of(config.batchSize())).await().atMost(timeout).forEach(rows::add);
            if (rows.isEmpty()) {
                transaction.commit().await().atMost(timeout);
                return 0;
            }
            List<CompletableFuture<PublishAck>> acks = new ArrayList<>(rows.size());
            List<Span> spans = new ArrayList<>(rows.size());
            for (Row row : rows) {
                Span span = tracing.start(row.getString("type") + " publish", SpanKind.PRODUCER, row.getString("traceparent"));
                span.setAttribute("messaging.system", "nats");
                span.setAttribute("messaging.destination.name", row.getString("type"));
                span.setAttribute("messaging.message.id", row.getUUID("id").toString());
                spans.add(span);
                acks.add(nats.jetStream().publishAsync(toMessage(row, Tracing.traceparentOf(span.getSpanContext()))));
            }
            List<UUID> published = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                UUID id = row.getUUID("id");
                try {
                    acks.get(i).get(natsConfig.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
                    published.add(id);
                    spans.get(i).end();
                } catch (Exception e) {
                    spans.get(i).setStatus(StatusCode.ERROR, String.valueOf(e.getCause() != null ? e.getCause() : e));
                    spans.get(i).end();
                    String error = e.getCause() != null ? e.getCause().toString() : e.toString();
                    long backoff = backoffSeconds(row.getInteger("attempts"));
                    LOG.warnf("Publishing outbox event %s (%s) failed, retry in %d s: %s", id, row.getString("type"), backoff, error);
                    connection.preparedQuery(MARK_FAILED).execute(Tuple.of(id, error, (double) backoff)).await().atMost(timeout);
                }
            }
            if (!published.isEmpty()) {
                connection.preparedQuery(MARK_PUBLISHED).execute(Tuple.of(published.toArray(new UUID[0]))).await().atMost(timeout);
            }
            transaction.commit().await().atMost(timeout);
            return rows.size();
        } finally {
            connection.close().await().atMost(timeout);
        }
    }

    /** The CloudEvent of a row; {@code traceparent} is the publish span's, or the row's when tracing is off. */
    private NatsMessage toMessage(Row row, String publishTraceparent) {
        UUID id = row.getUUID("id");
        ObjectNode envelope = json.createObjectNode()
                .put("specversion", EventEnvelope.SPEC_VERSION)
                .put("id", id.toString())
                .put("source", source)
                .put("type", row.getString("type"))
                .put("subject", row.getString("aggregate_id"))
                .put("time", row.getOffsetDateTime("occurred_at").toInstant().toString())
                .put("tenantid", row.getUUID("tenant_id").toString())
                .put("datacontenttype", EventEnvelope.JSON);
        String traceparent = publishTraceparent != null ? publishTraceparent : row.getString("traceparent");
        if (traceparent != null) {
            envelope.put("traceparent", traceparent);
        }
        String requestId = row.getString("request_id");
        if (requestId != null) {
            envelope.put("requestid", requestId);
        }
        try {
            envelope.set("data", json.readTree(row.getString("payload")));
            Headers headers = new Headers()
                    .put("Nats-Msg-Id", id.toString())
                    .put("Content-Type", "application/cloudevents+json");
            if (traceparent != null) {
                headers.put("traceparent", traceparent);
            }
            if (requestId != null) {
                headers.put(RequestIds.HEADER, requestId);
            }
            return NatsMessage.builder()
                    .subject(row.getString("type"))
                    .headers(headers)
                    .data(json.writeValueAsString(envelope).getBytes(StandardCharsets.UTF_8))
                    .build();
        } catch (Exception e) {
            throw new IllegalStateException("Outbox row " + id + " has an unreadable payload", e);
        }
    }

    /** Refreshes the backlog gauges at most every 5 seconds (one indexed count per round). */
    private void measureBacklog() {
        long now = System.currentTimeMillis();
        if (now - statsMeasuredAt < 5000) {
            return;
        }
        statsMeasuredAt = now;
        Row row = pool.preparedQuery(BACKLOG).execute().await().atMost(natsConfig.publishTimeout()).iterator().next();
        backlog.set(row.getLong("backlog"));
        oldestAgeMillis.set(row.getLong("oldest_age_millis"));
    }

    private long backoffSeconds(int attempts) {
        long initial = Math.max(1, config.initialBackoff().toSeconds());
        long delay = initial << Math.min(attempts, 20);
        return Math.min(delay, Math.max(initial, config.maxBackoff().toSeconds()));
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
