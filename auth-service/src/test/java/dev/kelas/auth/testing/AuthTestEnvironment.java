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
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import dev.kelas.testing.S3TestServer;

/**
 * What auth-service's {@code @QuarkusTest}s run against: a fresh {@code kelas_test_auth_<pid>} database,
 * a private nats-server, and a throw-away signing key (auth-service signs with it and verifies its own
 * tokens with its public half, since the JWKS URL names the fixed HTTP port, not the random test port).
 * {@code GET /healthz} asks three peers: this auth-service itself (so the test port is picked here), a port
 * nothing listens on, and a socket that accepts connections but never answers. Avatars go to a temporary
 * directory, or, with the init argument {@code storage=s3}, to a bucket of a real S3-compatible server of the
 * run's own (Ceph radosgw, {@link S3TestServer}).
 */
public class AuthTestEnvironment implements QuarkusTestResourceLifecycleManager {
    /** The key-encryption keys of the test runs: {@code test-2024} wraps, {@code test-2023} only unwraps. */
    public static final String KEK_SETTING = "test-2024:iCRNQrgwWaK00vgkXDm0dIccft/SLYxJ3jzVLYJKlJk=,test-2023:LyGg1KpL1nuSGIN4Zw8GkJSAJ1CIIr7lFkOqG7tdpH0=";
    /** The bucket avatars go to with {@code storage=s3}. */
    public static final String BUCKET = "kelas-avatars";
    private PrivateNats nats;
    private S3TestServer s3;
    private boolean useS3;
    private TestDatabase database;
    private ServerSocket silent;

    @Override
    public void init(Map<String, String> initArgs) {
        useS3 = "s3".equals(initArgs.get("storage"));
    }

    @Override
    public Map<String, String> start() {
        try {
            database = TestDatabase.create("kelas_test_auth");
            nats = PrivateNats.start();
            TestTokens keys = TestTokens.create();
            int httpPort = Ports.freePort();
            int closedPort = Ports.freePort();
            silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Map<String, String> config = new HashMap<>(Map.of(
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
                    "kelas.auth.jwt.key-encryption-keys", KEK_SETTING,
                    "kelas.auth.storage.root", Files.createTempDirectory("kelas-auth-test-files").toString()));
            if (useS3) {
                s3 = S3TestServer.start();
                try (S3Client client = S3Client.builder().endpointOverride(java.net.URI.create(s3.endpoint()))
                        .region(Region.of(s3.region())).forcePathStyle(true).httpClient(UrlConnectionHttpClient.create())
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())))
                        .build()) {
                    client.createBucket(b -> b.bucket(BUCKET));
                }
                config.putAll(Map.of("kelas.auth.storage.kind", "s3", "kelas.auth.storage.s3.endpoint", s3.endpoint(),
                        "kelas.auth.storage.s3.region", s3.region(), "kelas.auth.storage.s3.bucket", BUCKET,
                        "kelas.auth.storage.s3.access-key", s3.accessKey(), "kelas.auth.storage.s3.secret-key", s3.secretKey()));
            }
            return config;
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
        if (s3 != null) {
            s3.close();
        }
        if (database != null) {
            database.close();
        }
    }
}
