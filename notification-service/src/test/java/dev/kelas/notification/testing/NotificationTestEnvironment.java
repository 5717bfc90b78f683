package dev.kelas.notification.testing;

import dev.kelas.testing.EventPublisher;
import dev.kelas.testing.PrivateNats;
import dev.kelas.testing.TestDatabase;
import dev.kelas.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * What notification-service's {@code @QuarkusTest}s run against: a fresh {@code kelas_test_notification_<pid>} database, a
 * private nats-server (the tests feed the events it consumes into it through {@link #events()}), and the test
 * token signer; heartbeats every second.
 */
public class NotificationTestEnvironment implements QuarkusTestResourceLifecycleManager {
    private static volatile TestTokens tokens;
    private static volatile EventPublisher events;
    private static volatile String jdbcUrl;
    private PrivateNats nats;
    private TestDatabase database;

    @Override
    public Map<String, String> start() {
        try {
            database = TestDatabase.create("kelas_test_notification");
            jdbcUrl = database.jdbcUrl();
            nats = PrivateNats.start();
            tokens = TestTokens.create();
            events = EventPublisher.connect(nats.url());
            return Map.of(
                    "kelas.db.name", database.name(),
                    "kelas.nats.url", nats.url(),
                    "mp.jwt.verify.publickey.location", tokens.publicKeyLocation(),
                    "kelas.notification.heartbeat", "PT1S",
                    "kelas.outbox.poll-interval", "PT0.2S");
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    @Override
    public void stop() {
        if (events != null) {
            events.close();
        }
        if (nats != null) {
            nats.close();
        }
        if (database != null) {
            database.close();
        }
    }

    /** The signer of access tokens notification-service accepts. */
    public static TestTokens tokens() {
        return tokens;
    }

    /** JDBC URL of the service's database, for checks of rows the API does not show (queued mail). */
    public static String jdbcUrl() {
        return jdbcUrl;
    }

    /** Publisher of the events notification-service consumes (grades, users). */
    public static EventPublisher events() {
        return events;
    }
}
