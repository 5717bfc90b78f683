package dev.kelas.auth.testing;

import dev.kelas.testing.PrivateNats;
import dev.kelas.testing.TestDatabase;
import dev.kelas.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * What auth-service's {@code @QuarkusTest}s run against: a fresh {@code kelas_test_auth_<pid>} database,
 * a private nats-server, and a throw-away signing key (auth-service signs with it and verifies its own
 * tokens with its public half, since the JWKS URL names the fixed HTTP port, not the random test port).
 */
public class AuthTestEnvironment implements QuarkusTestResourceLifecycleManager {
    private PrivateNats nats;
    private TestDatabase database;

    @Override
    public Map<String, String> start() {
        try {
            database = TestDatabase.create("kelas_test_auth");
            nats = PrivateNats.start();
            TestTokens keys = TestTokens.create();
            return Map.of(
                    "kelas.db.name", database.name(),
                    "kelas.nats.url", nats.url(),
                    "kelas.auth.jwt.private-key-location", keys.writePrivateKeyPem(),
                    "mp.jwt.verify.publickey.location", keys.publicKeyLocation(),
                    "kelas.outbox.poll-interval", "PT0.2S");
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    @Override
    public void stop() {
        if (nats != null) {
            nats.close();
        }
        if (database != null) {
            database.close();
        }
    }
}
