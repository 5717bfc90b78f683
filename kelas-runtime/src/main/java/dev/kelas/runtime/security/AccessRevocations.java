package dev.kelas.runtime.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelas.contracts.Subjects;
import dev.kelas.runtime.messaging.JetStreamClient;
import io.nats.client.Dispatcher;
import io.nats.client.JetStreamApiException;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The deny-list of access tokens: for each user whose tokens were revoked (deactivated, role changed,
 * logged out everywhere, password changed), the latest {@code iat} that is void. Every replica of
 * every service keeps its own copy from {@code kelas.auth.user.access-revoked} through an ordered
 * (ephemeral) JetStream consumer that starts {@code kelas.security.revocation-lookback} in the past,
 * longer than an access token lives, so a replica that starts late still knows every revocation
 * that matters. A revocation reaches all replicas within milliseconds of its outbox row's publish.
 */
@ApplicationScoped
public class AccessRevocations {
    private static final Logger LOG = Logger.getLogger(AccessRevocations.class);

    private final JetStreamClient nats;
    private final ObjectMapper json;
    private final Duration lookback;
    private final Map<UUID, Instant> voidUpTo = new ConcurrentHashMap<>();
    private Dispatcher dispatcher;

    public AccessRevocations(JetStreamClient nats, ObjectMapper json,
                             @ConfigProperty(name = "kelas.security.revocation-lookback", defaultValue = "PT1H") Duration lookback) {
        this.nats = nats;
        this.json = json;
        this.lookback = lookback;
    }

    void start(@Observes StartupEvent event) throws IOException, JetStreamApiException {
        dispatcher = nats.connection().createDispatcher();
        ConsumerConfiguration from = ConsumerConfiguration.builder()
                .deliverPolicy(DeliverPolicy.ByStartTime)
                .startTime(ZonedDateTime.now(ZoneOffset.UTC).minus(lookback))
                .build();
        nats.jetStream().subscribe(Subjects.AUTH_USER_ACCESS_REVOKED, dispatcher, message -> apply(message.getData()), false,
                PushSubscribeOptions.builder().ordered(true).configuration(from).build());
    }

    void stop(@Observes ShutdownEvent event) {
        if (dispatcher != null) {
            nats.connection().closeDispatcher(dispatcher);
        }
    }

    /**
     * Whether a token of this user issued at {@code issuedAtSeconds} (its {@code iat}, epoch seconds) is void.
     */
    public boolean isRevoked(UUID userId, long issuedAtSeconds) {
        Instant upTo = voidUpTo.get(userId);
        return upTo != null && issuedAtSeconds <= upTo.getEpochSecond();
    }

    /** Applies one {@code AccessRevoked} CloudEvent (JSON); an unreadable one is logged and skipped. */
    void apply(byte[] cloudEvent) {
        try {
            JsonNode data = json.readTree(cloudEvent).path("data");
            UUID userId = UUID.fromString(data.path("userId").asText());
            Instant upTo = Instant.parse(data.path("notAfterIssuedAt").asText());
            voidUpTo.merge(userId, upTo, (a, b) -> a.isAfter(b) ? a : b);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Skipping an unreadable access-revoked event: %s", e.getMessage());
        }
    }
}
