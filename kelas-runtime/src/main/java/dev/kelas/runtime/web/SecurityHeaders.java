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
 * metrics, OpenAPI and, where enabled, Swagger UI) {@value #API_CSP}: an API answer is data and never
 * runs, loads or frames anything. An answer to a request that came over TLS (its own, or the TLS
 * terminator's {@code X-Forwarded-Proto: https}, as the Ingress sends) also carries {@value #HSTS} (RFC 6797);
 * browsers ignore the header on plain HTTP (RFC 6797 section 8.1), so a forged {@code X-Forwarded-Proto}
 * gains nothing.
 */
@Singleton
public class SecurityHeaders {
    /** The Content-Security-Policy of API answers. */
    public static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";
    /** Paths under this prefix are Quarkus' own pages and documents, not the API: no CSP. */
    public static final String NON_APPLICATION_PREFIX = "/q/";
    /** Strict-Transport-Security of answers over TLS: one year, subdomains included. */
    public static final String HSTS = "max-age=31536000; includeSubDomains";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::onRequest);
    }

    void onRequest(RoutingContext ctx) {
        String path = ctx.request().path();
        boolean api = path == null || !path.startsWith(NON_APPLICATION_PREFIX);
        boolean tls = ctx.request().isSSL() || "https".equalsIgnoreCase(ctx.request().getHeader("X-Forwarded-Proto"));
        ctx.addHeadersEndHandler(ignored -> apply(ctx.response().headers(), api, tls));
        ctx.next();
    }

    /** Sets the headers on {@code headers}; {@code api} adds the Content-Security-Policy, {@code tls} HSTS. */
    static void apply(MultiMap headers, boolean api, boolean tls) {
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        if (api) {
            headers.set("Content-Security-Policy", API_CSP);
        }
        if (tls) {
            headers.set("Strict-Transport-Security", HSTS);
        }
    }
}
