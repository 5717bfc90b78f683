package dev.kelas.learning.testing;

import dev.kelas.runtime.storage.S3Storage;
import dev.kelas.testing.PrivateNats;
import dev.kelas.testing.S3TestServer;
import dev.kelas.testing.TestDatabase;
import dev.kelas.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * What learning-service's tests run against (helpers from kelas-test-support): the local PostgreSQL (a fresh
 * {@code kelas_test_learning_<pid>} database), a private JetStream-enabled nats-server on a free port (never
 * the shared one on 4222), a throw-away RSA key whose public half verifies the tokens {@link TestSchool}
 * signs, and a temporary directory for stored files, or with the init argument {@code storage=s3} a bucket of a
 * real S3-compatible server of its own (Ceph radosgw, {@link S3TestServer}). Environment: {@code KELAS_DB_HOST}, {@code KELAS_DB_PORT},
 * {@code KELAS_DB_USER} and {@code KELAS_NATS_SERVER} as for the end-to-end tests.
 */
public class LearningTestEnvironment implements QuarkusTestResourceLifecycleManager {
    private static volatile TestTokens tokens;
    private static volatile String natsUrl;
    private static volatile String jdbcUrl;
    /** Largest file the tests' learning-service accepts. */
    public static final int MAX_FILE_BYTES = 4096;

    /** The bucket hand-ins go to with {@code storage=s3}. */
    public static final String BUCKET = "kelas-hand-ins";

    private PrivateNats nats;
    private TestDatabase database;
    private S3TestServer s3;
    private boolean useS3;

    @Override
    public void init(Map<String, String> initArgs) {
        useS3 = "s3".equals(initArgs.get("storage"));
    }

    @Override
    public Map<String, String> start() {
        try {
            database = TestDatabase.create("kelas_test_learning");
            jdbcUrl = database.jdbcUrl();
            nats = PrivateNats.start();
            natsUrl = nats.url();
            tokens = TestTokens.create();
            Path files = Files.createTempDirectory("kelas-learning-test-files");
            Map<String, String> config = new HashMap<>(Map.of(
                    "kelas.db.name", database.name(),
                    "kelas.nats.url", natsUrl,
                    "mp.jwt.verify.publickey.location", tokens.publicKeyLocation(),
                    "kelas.learning.storage.root", files.toString(),
                    "kelas.learning.uploads.max-file-bytes", String.valueOf(MAX_FILE_BYTES),
                    "kelas.outbox.poll-interval", "PT0.2S"));
            if (useS3) {
                s3 = S3TestServer.start();
                try (S3Storage storage = new S3Storage(URI.create(s3.endpoint()), s3.region(), BUCKET, s3.accessKey(), s3.secretKey())) {
                    storage.client().createBucket(b -> b.bucket(BUCKET));
                }
                config.putAll(Map.of("kelas.learning.storage.kind", "s3", "kelas.learning.storage.s3.endpoint", s3.endpoint(),
                        "kelas.learning.storage.s3.region", s3.region(), "kelas.learning.storage.s3.bucket", BUCKET,
                        "kelas.learning.storage.s3.access-key", s3.accessKey(), "kelas.learning.storage.s3.secret-key", s3.secretKey()));
            }
            return config;
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("Test environment did not start: " + e.getMessage(), e);
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
        if (s3 != null) {
            s3.close();
        }
    }

    /** The signer of test access tokens. */
    static TestTokens tokens() {
        return tokens;
    }

    /** The private NATS server. */
    public static String natsUrl() {
        return natsUrl;
    }

    /** JDBC URL of the test database, for checks that look at rows directly. */
    public static String jdbcUrl() {
        return jdbcUrl;
    }
}
