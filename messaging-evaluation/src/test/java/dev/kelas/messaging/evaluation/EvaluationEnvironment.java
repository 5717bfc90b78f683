package dev.kelas.messaging.evaluation;

import dev.kelas.testing.TestDatabase;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.Nats;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * What the evaluation's {@code @QuarkusTest}s run against: the shared nats-server ({@code KELAS_NATS_URL},
 * nats://127.0.0.1:4222) with the private stream {@code KELAS_MESSAGING_EVAL} (subjects {@code kelas-eval.>}), and
 * a {@code kelas_messaging_eval_test_<pid>} database with the Inbox and delivery tables. Both are set up once per
 * test JVM (the first app start deletes a leftover stream; a marker file in the temp directory says it was done).
 */
public class EvaluationEnvironment implements QuarkusTestResourceLifecycleManager {
    /** Name of the private stream. */
    public static final String STREAM = "KELAS_MESSAGING_EVAL";
    private static final String NATS_URL = System.getenv().getOrDefault("KELAS_NATS_URL", "nats://127.0.0.1:4222");
    private static final String JDBC_PROPERTY = "kelas.eval.jdbc-url";

    @Override
    public synchronized Map<String, String> start() {
        // Quarkus restores system properties after each app, so a marker file says "set up in this JVM already".
        java.io.File marker = new java.io.File(System.getProperty("java.io.tmpdir"), "kelas-messaging-eval-" + ProcessHandle.current().pid());
        String databaseName = "kelas_messaging_eval_test_" + ProcessHandle.current().pid();
        if (!marker.exists()) {
            deleteStream();
            TestDatabase database = TestDatabase.create("kelas_messaging_eval_test");
            Runtime.getRuntime().addShutdownHook(new Thread(database::close));
            try (var connection = new org.postgresql.Driver().connect(database.jdbcUrl(), new java.util.Properties());
                 var statement = connection.createStatement()) {
                statement.execute("create table inbox (event_id text primary key, received_at timestamptz not null default now())");
                statement.execute("create table effect (event_id text not null, applied_at timestamptz not null default now())");
                statement.execute("create table delivery (payload text not null, delivered bigint not null,"
                        + " started_at timestamptz not null default now(), finished_at timestamptz)");
            } catch (SQLException e) {
                throw new IllegalStateException("Could not create the evaluation tables: " + e.getMessage(), e);
            }
            try {
                marker.createNewFile();
            } catch (java.io.IOException e) {
                throw new IllegalStateException("Cannot write " + marker, e);
            }
            marker.deleteOnExit();
        }
        System.setProperty(JDBC_PROPERTY, "jdbc:postgresql://127.0.0.1:5432/" + databaseName + "?user=postgres");
        return Map.of(
                "quarkus.messaging.nats.connection.servers", NATS_URL,
                "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:5432/" + databaseName,
                JDBC_PROPERTY, System.getProperty(JDBC_PROPERTY));
    }

    @Override
    public void stop() {
        // The stream and the database outlive an app: the next test profile's app reads them.
    }

    /** JDBC URL of the evaluation database, for checks from the test side. */
    public static String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:5432/kelas_messaging_eval_test_" + ProcessHandle.current().pid() + "?user=postgres";
    }

    /**
     * A new JDBC connection to the evaluation database, for checks from the test side (the driver is called
     * directly: DriverManager does not see it from every test profile's class loader). The caller closes it.
     */
    public static java.sql.Connection database() throws SQLException {
        return new org.postgresql.Driver().connect(jdbcUrl(), new java.util.Properties());
    }

    /** A new connection to the shared nats-server; the caller closes it. */
    public static Connection nats() {
        try {
            return Nats.connect(NATS_URL);
        } catch (Exception e) {
            throw new IllegalStateException("No nats-server at " + NATS_URL, e);
        }
    }

    private static void deleteStream() {
        try (Connection nats = nats()) {
            nats.jetStreamManagement().deleteStream(STREAM);
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != 10059) {
                throw new IllegalStateException("Could not delete the stream " + STREAM + ": " + e.getMessage(), e);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not delete the stream " + STREAM, e);
        }
    }
}
