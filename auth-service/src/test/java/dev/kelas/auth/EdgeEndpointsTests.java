package dev.kelas.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.kelas.auth.testing.AuthTestEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The edge's {@code GET /healthz}, which auth-service answers for the whole system (AuthTestEnvironment gives
 * it three peers: itself, a closed port and a socket that never answers), the merged {@code GET /openapi} with
 * those peers, and Swagger UI at {@code /api-docs}. {@code GET /version}: BrowserRulesTests. The merge of four
 * real documents: e2e ApiDescriptionTests.
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

    @Test
    void shouldRefuseAMergedDocumentWithServicesMissing() {
        given().get("/openapi").then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", equalTo("5"))
                .body("code", equalTo("SERVICE_UNAVAILABLE"))
                .body("detail", containsString("lab-service"))
                .body("detail", containsString("notification-service"))
                .body("detail", org.hamcrest.Matchers.not(containsString("auth-service")));
    }

    @Test
    void shouldServeSwaggerUiOfTheMergedDocumentWithItsOwnContentSecurityPolicy() {
        given().get("/api-docs/").then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", equalTo(dev.kelas.runtime.web.SecurityHeaders.API_DOCS_CSP))
                .header("X-Frame-Options", equalTo("DENY"))
                .body(containsString("/openapi"));
        given().get("/api/v1/users").then()
                .header("Content-Security-Policy", equalTo(dev.kelas.runtime.web.SecurityHeaders.API_CSP));
    }
}
