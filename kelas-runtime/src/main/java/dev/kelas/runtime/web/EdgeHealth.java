package dev.kelas.runtime.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET /healthz}: which services of the system are ready, for the edge (nginx cannot aggregate, so
 * the edge routes this path to auth-service). It asks each service of {@code kelas.healthz.services}
 * ({@code name=base-url,...}) for {@code /q/health/ready}, all at once, each with a {@value #TIMEOUT_MILLIS} ms
 * budget; a service that does not answer 200 in time is {@code DOWN}. Answers 200
 * {@code {"status":"UP","services":{"auth-service":"UP",...}}} when all are ready, 503 with the same shape
 * otherwise. Never cached.
 */
@Singleton
public class EdgeHealth {
    /** The path it answers on. */
    public static final String PATH = "/healthz";
    /** How long one service gets to answer its readiness check, in milliseconds. */
    public static final int TIMEOUT_MILLIS = 1000;

    private final Vertx vertx;
    private final ObjectMapper json;
    private final Map<String, String> services;
    private volatile HttpClient client;

    EdgeHealth(Vertx vertx, ObjectMapper json, @ConfigProperty(name = "kelas.healthz.services") List<String> services) {
        this.vertx = vertx;
        this.json = json;
        this.services = parse(services);
    }

    /**
     * Reads {@code name=base-url} entries, e.g. {@code learning-service=http://learning-service:8082}.
     *
     * @throws IllegalArgumentException for an entry without a name or an http(s) URL
     */
    static Map<String, String> parse(List<String> entries) {
        Map<String, String> services = new LinkedHashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            String name = eq < 0 ? "" : entry.substring(0, eq).trim();
            String url = eq < 0 ? "" : entry.substring(eq + 1).trim().replaceAll("/+$", "");
            if (name.isEmpty() || !url.matches("https?://[^/\\s]+")) {
                throw new IllegalArgumentException("kelas.healthz.services: not name=http://host:port: " + entry);
            }
            services.put(name, url);
        }
        return services;
    }

    void install(@Observes Router router) {
        router.get(PATH).handler(this::answer);
    }

    void answer(RoutingContext ctx) {
        List<String> names = new ArrayList<>(services.keySet());
        List<Future<Boolean>> checks = new ArrayList<>();
        for (String name : names) {
            checks.add(ready(services.get(name)));
        }
        Future.join(checks).onComplete(ignored -> {
            Map<String, String> states = new LinkedHashMap<>();
            boolean all = true;
            for (int i = 0; i < names.size(); i++) {
                boolean up = Boolean.TRUE.equals(checks.get(i).result());
                all &= up;
                states.put(names.get(i), up ? "UP" : "DOWN");
            }
            String body;
            try {
                body = json.writeValueAsString(Map.of("status", all ? "UP" : "DOWN", "services", states));
            } catch (JsonProcessingException e) {
                body = "{\"status\":\"DOWN\"}";
            }
            ctx.response().setStatusCode(all ? 200 : 503).putHeader("Content-Type", "application/json")
                    .putHeader("Cache-Control", "no-store").end(body);
        });
    }

    private Future<Boolean> ready(String baseUrl) {
        Promise<Boolean> result = Promise.promise();
        long timer = vertx.setTimer(TIMEOUT_MILLIS, t -> result.tryComplete(false));
        client().request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(baseUrl + "/q/health/ready"))
                .compose(request -> request.send())
                .compose(response -> response.body().map(ignoredBody -> response.statusCode()))
                .onComplete(done -> {
                    vertx.cancelTimer(timer);
                    result.tryComplete(done.succeeded() && done.result() == 200);
                });
        return result.future();
    }

    private HttpClient client() {
        HttpClient existing = client;
        if (existing == null) {
            synchronized (this) {
                if (client == null) {
                    client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(TIMEOUT_MILLIS)
                            .setIdleTimeout(2 * TIMEOUT_MILLIS / 1000).setKeepAlive(false));
                }
                existing = client;
            }
        }
        return existing;
    }
}
