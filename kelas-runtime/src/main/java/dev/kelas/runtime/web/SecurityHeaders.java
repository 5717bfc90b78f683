package dev.kelas.runtime.web;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * The security headers of every answer, set just before its headers are written, so resources, problem
 * documents, the HTTP layer's refusals and CORS preflights all carry them:
 * {@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: no-referrer}, {@code X-Frame-Options: DENY},
 * and on API answers (every path outside the non-application {@code /q/} tree, which serves health,
 * metrics and each service's OpenAPI, and outside Swagger UI's {@value #API_DOCS_PREFIX}, which gets
 * {@link #API_DOCS_CSP}) {@value #API_CSP}: an API answer is data and never runs, loads or frames anything. An answer to a request that came over TLS (its own, or the TLS
 * terminator's {@code X-Forwarded-Proto: https}, as the Ingress sends) also carries {@value #HSTS} (RFC 6797);
 * browsers ignore the header on plain HTTP (RFC 6797 section 8.1), so a forged {@code X-Forwarded-Proto}
 * gains nothing.
 */
@Singleton
public class SecurityHeaders {
    /** The Content-Security-Policy of API answers. */
    public static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";
    /**
     * The Content-Security-Policy of the API's Swagger UI pages (auth-service, {@value #API_DOCS_PREFIX}): its own
     * scripts, styles and images, the inline start-up script Quarkus writes into its page, requests to its own
     * origin only (the document and "try it out"), never framed.
     */
    public static final String API_DOCS_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'";
    /** Swagger UI's pages ({@code quarkus.swagger-ui.path} of auth-service). */
    public static final String API_DOCS_PREFIX = "/api-docs";
    /** Paths under this prefix are Quarkus' own pages and documents, not the API: no CSP. */
    public static final String NON_APPLICATION_PREFIX = "/q/";
    /** Strict-Transport-Security of answers over TLS: one year, subdomains included. */
    public static final String HSTS = "max-age=31536000; includeSubDomains";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::onRequest);
    }

    void onRequest(RoutingContext ctx) {
        String path = ctx.request().path();
        String csp = path == null ? API_CSP
                : path.startsWith(NON_APPLICATION_PREFIX) ? null
                : path.equals(API_DOCS_PREFIX) || path.startsWith(API_DOCS_PREFIX + "/") ? API_DOCS_CSP
                : API_CSP;
        boolean tls = ctx.request().isSSL() || "https".equalsIgnoreCase(ctx.request().getHeader("X-Forwarded-Proto"));
        ctx.addHeadersEndHandler(ignored -> apply(ctx.response().headers(), csp, tls));
        ctx.next();
    }

    /** Sets the headers on {@code headers}; {@code csp} is the Content-Security-Policy or null for none, {@code tls} adds HSTS. */
    static void apply(MultiMap headers, String csp, boolean tls) {
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        if (csp != null) {
            headers.set("Content-Security-Policy", csp);
        }
        if (tls) {
            headers.set("Strict-Transport-Security", HSTS);
        }
    }
}
