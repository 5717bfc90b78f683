package dev.kelas.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.kelas.auth.testing.AuthTestEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The edge's {@code GET /healthz}, which auth-service answers for the whole system (AuthTestEnvironment gives
 * it three peers: itself, a closed port and a socket that never answers). {@code GET /version}: BrowserRulesTests.
 */
@QuarkusTest
@QuarkusTestResource(value = AuthTestEnvironment.class, restrictToAnnotatedClass = true)
class EdgeEndpointsTests {

    @Test
    void shouldSayWhichServicesAreReadyAndAnswer503WhenOneIsNot() {
        given().get("/healthz").then().statusCode(503).contentType("application/json")
                .header("Cache-Control", equalTo("no-store"))
                .body("status", equalTo("DOWN"))
                .body("services.'auth-service'", equalTo("UP"))
                .body("services.'lab-service'", equalTo("DOWN"))
                .body("services.'notification-service'", equalTo("DOWN"));
    }
}
