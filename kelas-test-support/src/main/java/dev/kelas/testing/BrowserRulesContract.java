package dev.kelas.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

/**
 * The browser rules every service keeps (docs/edge.md), written once: each service's {@code BrowserRulesTests}
 * is a {@code @QuarkusTest} that extends this class and names itself and one of its protected paths. CORS for
 * {@link BrowserRules#ALLOWED_ORIGIN} only, the security headers on every kind of answer, and
 * {@code GET /version}.
 */
public abstract class BrowserRulesContract {

    /** The service under test, as {@code quarkus.application.name}, e.g. {@code auth-service}. */
    protected abstract String service();

    /** A GET path of the service that needs an access token (answers 401 without one). */
    protected abstract String protectedPath();

    @Test
    public void shouldAnswerAPreflightFromTheAllowedOrigin() {
        BrowserRules.preflight(BrowserRules.ALLOWED_ORIGIN, "POST", protectedPath())
                .spec(BrowserRules.allowedPreflight(BrowserRules.ALLOWED_ORIGIN, "POST"));
    }

    @Test
    public void shouldRefuseAPreflightFromAnotherOrigin() {
        BrowserRules.preflight(BrowserRules.OTHER_ORIGIN, "POST", protectedPath()).spec(BrowserRules.refusedOrigin());
    }

    @Test
    public void shouldExposeTheRequestIdToTheAllowedOrigin() {
        given().header("Origin", BrowserRules.ALLOWED_ORIGIN).get("/version").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(BrowserRules.ALLOWED_ORIGIN))
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"));
    }

    @Test
    public void shouldRefuseARequestFromAnotherOrigin() {
        given().header("Origin", BrowserRules.OTHER_ORIGIN).get("/version").then().spec(BrowserRules.refusedOrigin());
    }

    @Test
    public void shouldSendTheSecurityHeadersOnAProblemJson404() {
        given().get("/api/v1/no-such-thing").then().statusCode(404).contentType("application/problem+json")
                .spec(BrowserRules.securityHeaders());
    }

    @Test
    public void shouldSendTheSecurityHeadersOnARefusedCall() {
        given().get(protectedPath()).then().statusCode(401).spec(BrowserRules.securityHeaders());
    }

    @Test
    public void shouldSendTheSecurityHeadersOnAPreflight() {
        BrowserRules.preflight(BrowserRules.ALLOWED_ORIGIN, "GET", protectedPath()).statusCode(200)
                .spec(BrowserRules.securityHeaders());
    }

    @Test
    public void shouldLeaveTheContentSecurityPolicyOffQuarkusPages() {
        given().get("/q/health/live").then().statusCode(200).header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Content-Security-Policy", nullValue());
    }

    @Test
    public void shouldSendHstsOnlyWhenTheRequestCameOverTls() {
        given().header("X-Forwarded-Proto", "https").get("/version").then().statusCode(200)
                .header("Strict-Transport-Security", equalTo("max-age=31536000; includeSubDomains"));
        given().get("/version").then().statusCode(200).header("Strict-Transport-Security", nullValue());
    }

    @Test
    public void shouldNameTheBuildAndItsCommit() {
        given().get("/version").then().statusCode(200).contentType("application/json")
                .body("service", equalTo(service()))
                .body("version", matchesPattern("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"))
                .body("commit", matchesPattern("[0-9a-f]{40}"))
                .body("apiVersion", equalTo("v1"))
                .spec(BrowserRules.securityHeaders());
    }
}
