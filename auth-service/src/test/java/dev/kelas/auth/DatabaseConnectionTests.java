package dev.kelas.auth;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kelas.testing.Ports;
import dev.kelas.testing.PrivateNats;
import dev.kelas.testing.TestTokens;
import dev.kelas.testing.TlsPostgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * auth-service against a PostgreSQL that accepts only TLS (plain TCP is rejected by pg_hba.conf) with
 * {@code kelas.db.sslmode=verify-full} and the server's CA: Flyway (JDBC) and the reactive pool both connect
 * over verified TLS, so the service starts and answers from its database, and every connection it holds is
 * encrypted. Then the database goes down: requests that need it answer 503 problem+json with
 * {@code Retry-After} (not 500) and readiness goes down, and both come back by themselves when it is up again.
 */
@QuarkusTest
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
@QuarkusTestResource(value = DatabaseConnectionTests.TlsDatabase.class, restrictToAnnotatedClass = true)
class DatabaseConnectionTests {
    static final String DATABASE = "kelas_tls_auth";
    static final String LOGIN = "{\"tenant\":\"no-such-school\",\"email\":\"nobody@school.test\",\"password\":\"wrong-password-1\"}";
    static TlsPostgres postgres;

    @Test
    @org.junit.jupiter.api.Order(1)
    void bothPoolsConnectOverVerifiedTls() throws Exception {
        given().contentType("application/json").body(LOGIN).post("/api/v1/auth/login").then().statusCode(401);
        given().get("/.well-known/jwks.json").then().statusCode(200);
        assertEquals("HTTPS", ConfigProvider.getConfig()
                .getValue("quarkus.datasource.reactive.hostname-verification-algorithm", String.class));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> postgres.sql("postgres",
                "select count(*) from pg_stat_activity where datname = '" + DATABASE + "' and query ilike 'LISTEN%'").equals("1"));
        String counts = postgres.sql("postgres", "select count(*) filter (where s.ssl), count(*) filter (where not s.ssl)"
                + " from pg_stat_activity a join pg_stat_ssl s using (pid) where a.datname = '" + DATABASE
                + "' and a.pid <> pg_backend_pid()");
        String[] parts = counts.split("\\|");
        assertTrue(Integer.parseInt(parts[0]) > 0, "the service holds TLS connections: " + counts);
        assertEquals(0, Integer.parseInt(parts[1]), "no connection without TLS: " + counts);
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void aDatabaseOutageIsA503WithRetryAfterUntilTheDatabaseIsBack() throws Exception {
        given().get("/q/health/ready").then().statusCode(200);
        postgres.stop();
        try {
            given().contentType("application/json").body(LOGIN).post("/api/v1/auth/login").then()
                    .statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", org.hamcrest.Matchers.equalTo("5"))
                    .body("code", org.hamcrest.Matchers.equalTo("SERVICE_UNAVAILABLE"))
                    .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Exception")));
            given().get("/q/health/ready").then().statusCode(503);
        } finally {
            postgres.restart();
        }
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
        int status;
        do {
            Thread.sleep(250);
            status = given().contentType("application/json").body(LOGIN).post("/api/v1/auth/login").statusCode();
        } while (status != 401 && java.time.Instant.now().isBefore(deadline));
        assertEquals(401, status, "the login answers from the database again");
        int ready;
        do { // the JDBC pool drops its dead connections at their next validation
            Thread.sleep(250);
            ready = given().get("/q/health/ready").statusCode();
        } while (ready != 200 && java.time.Instant.now().isBefore(deadline.plusSeconds(15)));
        assertEquals(200, ready, "ready again without a restart");
    }

    /** The TLS-only server, a private nats-server and a throw-away signing key. */
    public static class TlsDatabase implements QuarkusTestResourceLifecycleManager {
        private PrivateNats nats;

        @Override
        public Map<String, String> start() {
            try {
                postgres = TlsPostgres.start(DATABASE);
                nats = PrivateNats.start();
                TestTokens keys = TestTokens.create();
                return Map.of(
                        "quarkus.http.test-port", String.valueOf(Ports.freePort()),
                        "kelas.db.name", DATABASE,
                        "quarkus.datasource.reactive.url", "postgresql://localhost:" + postgres.port() + "/" + DATABASE,
                        "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + postgres.port() + "/" + DATABASE
                                + "?sslmode=${kelas.db.sslmode}&sslrootcert=${kelas.db.sslrootcert}",
                        "kelas.db.sslmode", "verify-full",
                        "kelas.db.sslrootcert", postgres.caCertificate().toString(),
                        "kelas.nats.url", nats.url(),
                        "kelas.auth.jwt.private-key-location", keys.writePrivateKeyPem(),
                        "mp.jwt.verify.publickey.location", keys.publicKeyLocation());
            } catch (Exception e) {
                stop();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void stop() {
            if (nats != null) {
                nats.close();
            }
            if (postgres != null) {
                postgres.close();
            }
        }
    }
}
