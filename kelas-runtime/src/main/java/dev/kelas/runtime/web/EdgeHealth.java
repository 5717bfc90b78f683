package dev.kelas.runtime.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    private final ObjectMapper json;
    private final PeerServices peers;

    EdgeHealth(ObjectMapper json, PeerServices peers) {
        this.json = json;
        this.peers = peers;
    }

    void install(@Observes Router router) {
        router.get(PATH).handler(this::answer);
    }

    void answer(RoutingContext ctx) {
        Map<String, String> services = peers.services();
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
        return peers.get(baseUrl, "/q/health/ready", TIMEOUT_MILLIS).map(answer -> answer.status() == 200).otherwise(false);
    }
}
