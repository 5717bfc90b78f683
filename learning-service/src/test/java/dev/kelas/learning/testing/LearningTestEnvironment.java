package dev.kelas.learning.testing;

import dev.kelas.testing.PrivateNats;
import dev.kelas.testing.TestDatabase;
import dev.kelas.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What learning-service's tests run against (helpers from kelas-test-support): the local PostgreSQL (a fresh
 * {@code kelas_test_learning_<pid>} database), a private JetStream-enabled nats-server on a free port (never
 * the shared one on 4222), a throw-away RSA key whose public half verifies the tokens {@link TestSchool}
 * signs, and a temporary directory for stored files. Environment: {@code KELAS_DB_HOST}, {@code KELAS_DB_PORT},
 * {@code KELAS_DB_USER} and {@code KELAS_NATS_SERVER} as for the end-to-end tests.
 */
public class LearningTestEnvironment implements QuarkusTestResourceLifecycleManager {
    private static volatile TestTokens tokens;
    private static volatile String natsUrl;
    private static volatile String jdbcUrl;
    /** Largest file the tests' learning-service accepts. */
    public static final int MAX_FILE_BYTES = 4096;

    private PrivateNats nats;
    private TestDatabase database;

    @Override
    public Map<String, String> start() {
        try {
            database = TestDatabase.create("kelas_test_learning");
            jdbcUrl = database.jdbcUrl();
            nats = PrivateNats.start();
            natsUrl = nats.url();
            tokens = TestTokens.create();
            Path files = Files.createTempDirectory("kelas-learning-test-files");
            return Map.of(
                    "kelas.db.name", database.name(),
                    "kelas.nats.url", natsUrl,
                    "mp.jwt.verify.publickey.location", tokens.publicKeyLocation(),
                    "kelas.learning.storage.root", files.toString(),
                    "kelas.learning.uploads.max-file-bytes", String.valueOf(MAX_FILE_BYTES),
                    "kelas.outbox.poll-interval", "PT0.2S");
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
