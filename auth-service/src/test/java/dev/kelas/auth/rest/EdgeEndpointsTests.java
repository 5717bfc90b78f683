package dev.kelas.auth.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import dev.kelas.auth.testing.AuthTestEnvironment;
import dev.kelas.testing.BrowserRules;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /version} and the edge's {@code GET /healthz}, which auth-service answers for the whole system
 * (AuthTestEnvironment gives it three peers: itself, a closed port and a socket that never answers).
 */
@QuarkusTest
@QuarkusTestResource(value = AuthTestEnvironment.class, restrictToAnnotatedClass = true)
class EdgeEndpointsTests {

    @Test
    void shouldNameTheBuildAndItsCommit() {
        given().get("/version").then().statusCode(200).contentType("application/json")
                .body("service", equalTo("auth-service"))
                .body("version", equalTo("0.1.0-SNAPSHOT"))
                .body("commit", matchesPattern("[0-9a-f]{40}"))
                .body("apiVersion", equalTo("v1"))
                .spec(BrowserRules.securityHeaders());
    }

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
