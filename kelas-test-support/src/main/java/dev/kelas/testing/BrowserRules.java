package dev.kelas.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import org.hamcrest.Matchers;

import io.restassured.builder.ResponseSpecBuilder;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.ResponseSpecification;

/**
 * What every Kelas service answers a browser by (docs/edge.md), for each service's {@code BrowserRulesTests}:
 * CORS for the allowed origin only, and the security headers on every answer. The test profile allows
 * exactly {@link #ALLOWED_ORIGIN} (kelas-runtime's {@code %test.quarkus.http.cors.origins}).
 */
public final class BrowserRules {
    /** The one origin the services allow under the test profile. */
    public static final String ALLOWED_ORIGIN = "https://frontend.kelas.test";
    /** An origin no configuration allows. */
    public static final String OTHER_ORIGIN = "https://evil.example.com";
    /** Response headers a frontend may read (quarkus.http.cors.exposed-headers). */
    public static final String[] EXPOSED = {"X-Request-Id", "Retry-After", "RateLimit", "RateLimit-Policy", "Last-Event-ID", "Content-Disposition"};
    /** The Content-Security-Policy of API answers. */
    public static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";

    private BrowserRules() {
    }

    /**
     * Sends a CORS preflight (OPTIONS with {@code Origin}, {@code Access-Control-Request-Method} and an
     * {@code Authorization} request header) for {@code method path} to the service under test.
     */
    public static ValidatableResponse preflight(String origin, String method, String path) {
        return given().header("Origin", origin).header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options(path).then();
    }

    /** What a preflight from an allowed origin gets: 200, the origin echoed, the methods, headers, max age and exposed headers. */
    public static ResponseSpecification allowedPreflight(String origin, String method) {
        ResponseSpecBuilder spec = new ResponseSpecBuilder().expectStatusCode(200)
                .expectHeader("Access-Control-Allow-Origin", equalTo(origin))
                .expectHeader("Access-Control-Allow-Methods", containsString(method))
                .expectHeader("Access-Control-Allow-Headers", containsString("Authorization"))
                .expectHeader("Access-Control-Max-Age", equalTo("3600"))
                .expectHeader("Access-Control-Allow-Credentials", equalTo("false"));
        for (String header : EXPOSED) {
            spec.expectHeader("Access-Control-Expose-Headers", containsString(header));
        }
        return spec.build();
    }

    /** What a preflight or request from a non-allowed origin gets: 403 and no Access-Control-Allow-Origin. */
    public static ResponseSpecification refusedOrigin() {
        return new ResponseSpecBuilder().expectStatusCode(403).expectHeader("Access-Control-Allow-Origin", Matchers.nullValue(String.class)).build();
    }

    /**
     * The security headers of every answer: nosniff, no referrer, no framing, and on API paths (all but
     * {@code /q/...}) the restrictive Content-Security-Policy.
     */
    public static ResponseSpecification securityHeaders() {
        return new ResponseSpecBuilder()
                .expectHeader("X-Content-Type-Options", equalTo("nosniff"))
                .expectHeader("Referrer-Policy", equalTo("no-referrer"))
                .expectHeader("X-Frame-Options", equalTo("DENY"))
                .expectHeader("Content-Security-Policy", equalTo(API_CSP))
                .build();
    }
}
