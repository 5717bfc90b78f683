package dev.kelas.auth.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.kelas.auth.testing.AuthTestEnvironment;
import dev.kelas.testing.BrowserRules;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** auth-service answers browsers by the shared rules: CORS for the allowed origin only, the security
 * headers on every answer (docs/edge.md). */
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

    @Test
    void shouldSendTheSecurityHeadersOnAnAnswer() {
        given().get("/.well-known/jwks.json").then().statusCode(200).spec(BrowserRules.securityHeaders());
    }

    @Test
    void shouldSendTheSecurityHeadersOnAProblemJson404() {
        given().get("/api/v1/no-such-thing").then().statusCode(404).contentType("application/problem+json")
                .spec(BrowserRules.securityHeaders());
    }

    @Test
    void shouldSendTheSecurityHeadersOnARefusedCall() {
        given().get("/api/v1/auth/me").then().statusCode(401).spec(BrowserRules.securityHeaders());
    }

    @Test
    void shouldSendTheSecurityHeadersOnAPreflight() {
        BrowserRules.preflight(BrowserRules.ALLOWED_ORIGIN, "GET", "/api/v1/users").statusCode(200)
                .spec(BrowserRules.securityHeaders());
    }

    @Test
    void shouldLeaveTheContentSecurityPolicyOffQuarkusPages() {
        given().get("/q/health/live").then().statusCode(200).header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Content-Security-Policy", nullValue());
    }

    @Test
    void shouldSendHstsOnlyWhenTheRequestCameOverTls() {
        given().header("X-Forwarded-Proto", "https").get("/.well-known/jwks.json").then().statusCode(200)
                .header("Strict-Transport-Security", equalTo("max-age=31536000; includeSubDomains"));
        given().get("/.well-known/jwks.json").then().statusCode(200).header("Strict-Transport-Security", nullValue());
    }
}
