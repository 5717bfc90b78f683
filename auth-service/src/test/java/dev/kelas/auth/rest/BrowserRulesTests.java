package dev.kelas.auth.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.kelas.auth.testing.AuthTestEnvironment;
import dev.kelas.testing.BrowserRules;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** auth-service answers browsers by the shared rules: CORS for the allowed origin only (docs/edge.md). */
@QuarkusTest
@QuarkusTestResource(value = AuthTestEnvironment.class, restrictToAnnotatedClass = true)
class BrowserRulesTests {

    @Test
    void shouldAnswerAPreflightFromTheAllowedOrigin() {
        BrowserRules.preflight(BrowserRules.ALLOWED_ORIGIN, "POST", "/api/v1/auth/login")
                .spec(BrowserRules.allowedPreflight(BrowserRules.ALLOWED_ORIGIN, "POST"));
    }

    @Test
    void shouldRefuseAPreflightFromAnotherOrigin() {
        BrowserRules.preflight(BrowserRules.OTHER_ORIGIN, "POST", "/api/v1/auth/login").spec(BrowserRules.refusedOrigin());
    }

    @Test
    void shouldExposeTheRequestIdToTheAllowedOrigin() {
        given().header("Origin", BrowserRules.ALLOWED_ORIGIN).get("/.well-known/jwks.json").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(BrowserRules.ALLOWED_ORIGIN))
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"));
    }

    @Test
    void shouldRefuseARequestFromAnotherOrigin() {
        given().header("Origin", BrowserRules.OTHER_ORIGIN).get("/.well-known/jwks.json").then().spec(BrowserRules.refusedOrigin());
    }
}
