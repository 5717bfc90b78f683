package dev.kelas.auth.testing;

import dev.kelas.testing.Ports;
import dev.kelas.testing.PrivateNats;
import dev.kelas.testing.TestDatabase;
import dev.kelas.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * What auth-service's {@code @QuarkusTest}s run against: a fresh {@code kelas_test_auth_<pid>} database,
 * a private nats-server, and a throw-away signing key (auth-service signs with it and verifies its own
 * tokens with its public half, since the JWKS URL names the fixed HTTP port, not the random test port).
 * {@code GET /healthz} asks three peers: this auth-service itself (so the test port is picked here), a port
 * nothing listens on, and a socket that accepts connections but never answers.
 */
public class AuthTestEnvironment implements QuarkusTestResourceLifecycleManager {
    /** The key-encryption keys of the test runs: {@code test-2024} wraps, {@code test-2023} only unwraps. */
    public static final String KEK_SETTING = "test-2024:iCRNQrgwWaK00vgkXDm0dIccft/SLYxJ3jzVLYJKlJk=,test-2023:LyGg1KpL1nuSGIN4Zw8GkJSAJ1CIIr7lFkOqG7tdpH0=";
    private PrivateNats nats;
    private TestDatabase database;
    private ServerSocket silent;

    @Override
    public Map<String, String> start() {
        try {
            database = TestDatabase.create("kelas_test_auth");
            nats = PrivateNats.start();
            TestTokens keys = TestTokens.create();
            int httpPort = Ports.freePort();
            int closedPort = Ports.freePort();
            silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            return Map.of(
                    "quarkus.http.test-port", String.valueOf(httpPort),
                    "kelas.healthz.services", "auth-service=http://127.0.0.1:" + httpPort
                            + ",lab-service=http://127.0.0.1:" + closedPort
                            + ",notification-service=http://127.0.0.1:" + silent.getLocalPort(),
                    "kelas.db.name", database.name(),
                    "kelas.nats.url", nats.url(),
                    "kelas.auth.jwt.private-key-location", keys.writePrivateKeyPem(),
                    "mp.jwt.verify.publickey.location", keys.publicKeyLocation(),
                    "kelas.outbox.poll-interval", "PT0.2S",
                    // The signing keys are sealed at rest in every auth test, as in production; the first
                    // key file above is sealed at bootstrap.
                    "kelas.auth.jwt.key-encryption-keys", KEK_SETTING);
        } catch (RuntimeException e) {
            stop();
            throw e;
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (silent != null) {
            try {
                silent.close();
            } catch (IOException ignored) {
                // closed with the JVM anyway
            }
        }
        if (nats != null) {
            nats.close();
        }
        if (database != null) {
            database.close();
        }
    }
}
