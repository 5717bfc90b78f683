package dev.kelas.lab.testing;

import dev.kelas.testing.EventPublisher;
import dev.kelas.testing.PrivateNats;
import dev.kelas.testing.TestDatabase;
import dev.kelas.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;

/**
 * What lab-service's {@code @QuarkusTest}s run against: a fresh {@code kelas_test_lab_<pid>} database, a
 * private nats-server (the tests feed learning's events into it through {@link #events()}), the test token
 * signer, and the real bubblewrap sandbox in a work root under target/ (the service creates it readable for the sandbox uids) with its own uid range
 * (55000 + 100 × (pid mod 40), apart from the end-to-end runs' 62000 and up).
 */
public class LabTestEnvironment implements QuarkusTestResourceLifecycleManager {
    private static volatile TestTokens tokens;
    private static volatile EventPublisher events;
    private static volatile String jdbcUrl;
    private static volatile String natsUrl;
    private PrivateNats nats;
    private TestDatabase database;

    @Override
    public Map<String, String> start() {
        try {
            database = TestDatabase.create("kelas_test_lab");
            jdbcUrl = database.jdbcUrl();
            nats = PrivateNats.start();
            tokens = TestTokens.create();
            events = EventPublisher.connect(nats.url());
            natsUrl = nats.url();
            return Map.of(
                    "kelas.db.name", database.name(),
                    "kelas.nats.url", nats.url(),
                    "mp.jwt.verify.publickey.location", tokens.publicKeyLocation(),
                    "kelas.lab.sandbox.work-root", Path.of("target", "sandbox-" + ProcessHandle.current().pid()).toAbsolutePath().toString(),
                    "kelas.lab.sandbox.slot-uid-base", String.valueOf(55000 + 100 * (ProcessHandle.current().pid() % 40)),
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

    /** The signer of access tokens lab-service accepts. */
    public static TestTokens tokens() {
        return tokens;
    }

    /** JDBC URL of the test database, for checks that read rows (the outbox) directly. */
    public static String jdbcUrl() {
        return jdbcUrl;
    }

    /** The private nats-server's URL, for tests that listen on core NATS themselves. */
    public static String natsUrl() {
        return natsUrl;
    }

    /** Publisher of the events lab-service consumes (learning's assignments and enrollments). */
    public static EventPublisher events() {
        return events;
    }

    /**
     * Creates a coding task through the API as the given caller, retrying until lab-service has the assignment's
     * projection (it answers 201 only then; events arrive asynchronously).
     *
     * @param caller a fresh request specification per attempt (the teacher's token)
     * @param task   the JSON body of {@code POST /api/v1/lab/tasks}
     * @return the task's id
     */
    public static String createTask(java.util.function.Supplier<io.restassured.specification.RequestSpecification> caller,
                                    Map<String, Object> task) {
        String[] id = new String[1];
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).pollInterval(java.time.Duration.ofMillis(100))
                .until(() -> {
                    io.restassured.response.Response response = caller.get().body(task).post("/api/v1/lab/tasks");
                    id[0] = response.statusCode() == 201 ? response.path("id") : null;
                    return id[0] != null;
                });
        return id[0];
    }

    /** Publishes learning's {@code kelas.learning.enrollment.created} of a student in a class (the teacher's). */
    public static void enroll(java.util.UUID tenantId, java.util.UUID classId, java.util.UUID studentId, java.util.UUID teacherId) {
        events.publish(dev.kelas.contracts.Subjects.LEARNING_ENROLLMENT_CREATED, tenantId, java.util.UUID.randomUUID().toString(),
                new dev.kelas.contracts.events.EnrollmentCreated(java.util.UUID.randomUUID(), classId, studentId,
                        java.time.Instant.now(), teacherId));
    }
}
