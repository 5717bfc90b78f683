package dev.kelas.auth.ratelimit;

import static dev.kelas.auth.testing.AuthSql.dataSource;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kelas.auth.testing.AuthTestEnvironment;
import dev.kelas.runtime.ratelimit.Quota;
import dev.kelas.runtime.ratelimit.RateLimiter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The general rate limits (kelas-runtime's RateLimitFilter) with small quotas, against the real PostgreSQL
 * buckets: login, refresh and password reset per client address, reads per user, 429 problem+json with
 * Retry-After and the RateLimit fields, a Retry-After that is honoured, and counts shared with a second
 * replica (a second {@link RateLimiter} over the same database, as another auth-service pod would hold).
 * Each test calls from its own client address through {@code X-Forwarded-For}, which auth-service trusts
 * from loopback as it trusts the edge.
 */
@QuarkusTest
@TestProfile(RateLimitTests.SmallQuotas.class)
@QuarkusTestResource(value = AuthTestEnvironment.class, restrictToAnnotatedClass = true)
class RateLimitTests {
    private static final String PASSWORD = "a-long-test-password-" + UUID.randomUUID();
    private static final AtomicInteger ADDRESSES = new AtomicInteger(10);

    /** Quotas small enough to reach in a test; every request synced (no local counting ahead). */
    public static class SmallQuotas implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "kelas.rate-limit.enabled", "true",
                    "kelas.rate-limit.max-unsynchronized-requests", "0",
                    "kelas.rate-limit.groups.login.per-address", "3",
                    "kelas.rate-limit.groups.refresh.per-address", "2",
                    "kelas.rate-limit.groups.password-reset.per-address", "2",
                    "kelas.rate-limit.groups.invitations.per-address", "2",
                    "kelas.rate-limit.groups.self-registration.per-address", "2",
                    "kelas.rate-limit.groups.reads.per-user", "3",
                    "kelas.rate-limit.groups.reads.window", "PT3S",
                    "kelas.rate-limit.groups.reads.per-address", "1000");
        }
    }

    private static String newAddress() {
        return "10.0.0." + ADDRESSES.incrementAndGet();
    }

    private record School(String slug, String email) {
    }

    private static School school() {
        String slug = "r-" + UUID.randomUUID().toString().substring(0, 8);
        String email = "admin@" + slug + ".test";
        given().header("X-Forwarded-For", newAddress()).contentType(ContentType.JSON)
                .body(Map.of("name", "School " + slug, "slug", slug,
                        "admin", Map.of("email", email, "password", PASSWORD, "name", "Ada Admin")))
                .post("/api/v1/tenants").then().statusCode(201);
        return new School(slug, email);
    }

    private static Response login(School school, String address) {
        return given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body(Map.of("tenant", school.slug(), "email", school.email(), "password", PASSWORD))
                .post("/api/v1/auth/login");
    }

    private static void assertLimited(Response response, String policy) {
        response.then().statusCode(429).contentType("application/problem+json")
                .body("code", equalTo("RATE_LIMITED")).body("status", equalTo(429))
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .header("RateLimit-Policy", containsString("\"" + policy + "\";q="))
                .header("RateLimit", containsString("\"" + policy + "\";r=0;t="));
    }

    @Test
    void shouldLimitLoginsPerClientAddressAndLeaveOtherAddressesAlone() {
        School school = school();
        String address = newAddress();
        for (int i = 0; i < 3; i++) {
            login(school, address).then().statusCode(200)
                    .header("RateLimit-Policy", equalTo("\"login-address\";q=3;w=60"))
                    .header("RateLimit", containsString("\"login-address\";r=" + (2 - i) + ";t="));
        }
        assertLimited(login(school, address), "login-address");
        login(school, newAddress()).then().statusCode(200);
    }

    @Test
    void shouldLimitRefreshAndPasswordResetToo() {
        String address = newAddress();
        for (int i = 0; i < 2; i++) {
            given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                    .body(Map.of("refreshToken", "not-a-token-" + i)).post("/api/v1/auth/refresh")
                    .then().statusCode(401).header("RateLimit-Policy", containsString("refresh-address"));
        }
        assertLimited(given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body(Map.of("refreshToken", "not-a-token")).post("/api/v1/auth/refresh"), "refresh-address");

        School school = school();
        for (int i = 0; i < 2; i++) {
            given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                    .body(Map.of("tenant", school.slug(), "email", school.email())).post("/api/v1/auth/password-reset")
                    .then().statusCode(202);
        }
        assertLimited(given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body(Map.of("tenant", school.slug(), "email", school.email())).post("/api/v1/auth/password-reset"),
                "password-reset-address");
    }

    @Test
    void shouldLimitAcceptingInvitationsAndSelfRegistrationPerAddressLikeLogin() {
        String address = newAddress();
        for (int i = 0; i < 2; i++) {
            given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                    .body(Map.of("token", "no-such-token-" + i, "password", PASSWORD)).post("/api/v1/auth/invitations/accept")
                    .then().statusCode(410).header("RateLimit-Policy", containsString("invitations-address"));
        }
        assertLimited(given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body(Map.of("token", "no-such-token", "password", PASSWORD)).post("/api/v1/auth/invitations/accept"),
                "invitations-address");

        for (int i = 0; i < 2; i++) {
            given().header("X-Forwarded-For", address).contentType(ContentType.JSON).body(Map.of("token", "no-such-token-" + i))
                    .post("/api/v1/auth/verify-email").then().statusCode(410)
                    .header("RateLimit-Policy", containsString("self-registration-address"));
        }
        assertLimited(given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body(Map.of("tenant", "no-such-school", "joinCode", "ABCDEFGH", "email", "x@example.test", "name", "X",
                        "password", PASSWORD)).post("/api/v1/auth/self-registration"), "self-registration-address");
    }

    @Test
    void shouldLimitReadsPerUserAndLetThemThroughAgainAfterRetryAfter() throws InterruptedException {
        School school = school();
        String token = login(school, newAddress()).then().statusCode(200).extract().path("accessToken");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).header("X-Forwarded-For", newAddress()).get("/api/v1/auth/me")
                    .then().statusCode(200).header("RateLimit-Policy", containsString("\"reads-user\";q=3;w=3"));
        }
        Response refused = given().auth().oauth2(token).header("X-Forwarded-For", newAddress()).get("/api/v1/auth/me");
        assertLimited(refused, "reads-user");
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 3, "Retry-After " + retryAfter + " s within the 3 s window");
        Thread.sleep(Duration.ofSeconds(retryAfter).toMillis());
        given().auth().oauth2(token).header("X-Forwarded-For", newAddress()).get("/api/v1/auth/me").then().statusCode(200);
    }

    @Test
    void shouldShareTheCountsWithAnotherReplica() {
        School school = school();
        String address = newAddress();
        RateLimiter otherReplica = new RateLimiter(dataSource(), 0, Duration.ZERO, 100);
        RateLimiter.Limit limit = new RateLimiter.Limit("address:login:" + address, "login-address", 3, Duration.ofMinutes(1));

        login(school, address).then().statusCode(200);
        List<Quota> seen = otherReplica.consume(List.of(limit));
        assertEquals(1, seen.get(0).remaining(), "the other replica sees this replica's login and its own");
        assertTrue(seen.get(0).allowed());
        login(school, address).then().statusCode(200);
        assertLimited(login(school, address), "login-address");
        assertFalse(otherReplica.consume(List.of(limit)).get(0).allowed(), "the other replica is refused as well");
    }
}
