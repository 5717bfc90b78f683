package dev.kelas.learning.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Base64;
import java.util.Map;

/**
 * What learning-service's tests run against: the local PostgreSQL (a fresh {@code kelas_test_learning_<pid>}
 * database), a private JetStream-enabled nats-server on a free port (never the shared one on 4222), a
 * throw-away RSA key whose public half verifies the tokens {@link TestSchool} signs, and a temporary
 * directory for stored files. Environment: {@code KELAS_DB_HOST}, {@code KELAS_DB_PORT}, {@code KELAS_DB_USER}
 * and {@code KELAS_NATS_SERVER} as for the end-to-end tests.
 */
public class LearningTestEnvironment implements QuarkusTestResourceLifecycleManager {
    /** One database per test JVM, so two checkouts can test side by side; dropped again at the end. */
    static final String DATABASE = "kelas_test_learning_" + ProcessHandle.current().pid();
    private static volatile PrivateKey signingKey;
    private static volatile String natsUrl;
    private static volatile String jdbcUrl;
    /** Largest file the tests' learning-service accepts. */
    public static final int MAX_FILE_BYTES = 4096;

    private Process nats;

    @Override
    public Map<String, String> start() {
        try {
            String host = env("KELAS_DB_HOST", "127.0.0.1");
            String port = env("KELAS_DB_PORT", "5432");
            String user = env("KELAS_DB_USER", "postgres");
            try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", user, "");
                 Statement statement = admin.createStatement()) {
                statement.execute("drop database if exists " + DATABASE + " with (force)");
                statement.execute("create database " + DATABASE);
            }
            jdbcUrl = "jdbc:postgresql://" + host + ":" + port + "/" + DATABASE + "?user=" + user;

            int natsPort = freePort();
            Path store = Files.createTempDirectory("kelas-learning-test-nats");
            nats = new ProcessBuilder(env("KELAS_NATS_SERVER", "/usr/sbin/nats-server"), "-a", "127.0.0.1",
                    "-p", String.valueOf(natsPort), "-js", "-sd", store.toString())
                    .redirectErrorStream(true).redirectOutput(store.resolve("nats.log").toFile()).start();
            awaitPort(natsPort);
            natsUrl = "nats://127.0.0.1:" + natsPort;

            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            signingKey = keys.getPrivate();
            Path publicKey = Files.createTempFile("kelas-learning-test", ".pem");
            Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");

            Path files = Files.createTempDirectory("kelas-learning-test-files");
            return Map.of(
                    "kelas.db.name", DATABASE,
                    "kelas.nats.url", natsUrl,
                    "mp.jwt.verify.publickey.location", publicKey.toUri().toString(),
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
            nats.destroy();
        }
        dropDatabase();
    }

    private static void dropDatabase() {
        String url = "jdbc:postgresql://" + env("KELAS_DB_HOST", "127.0.0.1") + ":" + env("KELAS_DB_PORT", "5432") + "/postgres";
        try (Connection admin = DriverManager.getConnection(url, env("KELAS_DB_USER", "postgres"), "");
             Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + DATABASE + " with (force)");
        } catch (Exception ignored) {
            // a database left behind is harmless: the next run of this pid drops it first
        }
    }

    /** The key that signs test access tokens. */
    static PrivateKey signingKey() {
        return signingKey;
    }

    /** The private NATS server. */
    public static String natsUrl() {
        return natsUrl;
    }

    /** JDBC URL of the test database, for checks that look at rows directly. */
    public static String jdbcUrl() {
        return jdbcUrl;
    }

    private static void awaitPort(int port) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("nats-server did not listen on " + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
