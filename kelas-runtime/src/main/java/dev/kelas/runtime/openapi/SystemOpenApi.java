package dev.kelas.runtime.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelas.contracts.ErrorCode;
import dev.kelas.runtime.web.BuildInfo;
import dev.kelas.runtime.web.PeerServices;
import dev.kelas.runtime.web.HttpLayerProblems;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * {@code GET /openapi}: one OpenAPI document for the whole system, the documents of every service of
 * {@code kelas.healthz.services} ({@code name=base-url,...}, the list {@code /healthz} asks) fetched from their
 * {@code /q/openapi?format=json} and merged by {@link OpenApiMerger}. The edge routes the path to auth-service,
 * whose Swagger UI ({@code /api-docs}) shows it. A merged document is kept for {@value #CACHE_MILLIS} ms.
 * When a service does not answer within {@value #TIMEOUT_MILLIS} ms the answer is 503 problem+json
 * {@code SERVICE_UNAVAILABLE} naming it, with {@code Retry-After}: a document with a quarter of the API
 * missing would mislead a client generator. A plain Vert.x route, so it is not in any service's own document.
 */
@Singleton
public class SystemOpenApi {
    /** The path it answers on. */
    public static final String PATH = "/openapi";
    /** How long one service gets to send its document, in milliseconds. */
    public static final int TIMEOUT_MILLIS = 3000;
    /** How long a merged document is served before the services are asked again, in milliseconds. */
    public static final long CACHE_MILLIS = 30_000;
    private static final Logger LOG = Logger.getLogger(SystemOpenApi.class);

    private final ObjectMapper json;
    private final PeerServices peers;
    private final String version;
    private volatile String cached;
    private volatile long cachedAt;

    SystemOpenApi(ObjectMapper json, BuildInfo build, PeerServices peers) {
        this.json = json;
        this.peers = peers;
        this.version = build.version().version();
    }

    void install(@Observes Router router) {
        router.get(PATH).handler(this::answer);
    }

    void answer(RoutingContext ctx) {
        String fresh = cached;
        if (fresh != null && System.currentTimeMillis() - cachedAt < CACHE_MILLIS) {
            send(ctx, fresh);
            return;
        }
        Map<String, String> services = peers.services();
        List<String> names = new ArrayList<>(services.keySet());
        List<Future<JsonNode>> fetches = names.stream().map(name -> fetch(services.get(name))).toList();
        Future.join(fetches).onComplete(ignored -> {
            Map<String, JsonNode> documents = new LinkedHashMap<>();
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                if (fetches.get(i).succeeded()) {
                    documents.put(names.get(i), fetches.get(i).result());
                } else {
                    missing.add(names.get(i));
                }
            }
            if (!missing.isEmpty()) {
                problem(ctx, 503, ErrorCode.SERVICE_UNAVAILABLE,
                        "No OpenAPI document from " + String.join(", ", missing) + " for now");
                return;
            }
            try {
                String body = json.writeValueAsString(OpenApiMerger.merge(info(), documents));
                cached = body;
                cachedAt = System.currentTimeMillis();
                send(ctx, body);
            } catch (Exception e) {
                LOG.errorf(e, "The services' OpenAPI documents do not merge");
                problem(ctx, 500, ErrorCode.INTERNAL_ERROR, "The API description could not be built");
            }
        });
    }

    private ObjectNode info() {
        ObjectNode info = json.createObjectNode();
        info.put("title", "Kelas API");
        info.put("version", version);
        info.put("description", "The REST API of every Kelas service behind one origin. Each operation's "
                + "x-kelas-service names the service that answers it. Errors are RFC 9457 problem+json documents "
                + "whose code member is stable.");
        return info;
    }

    private Future<JsonNode> fetch(String baseUrl) {
        return peers.get(baseUrl, "/q/openapi?format=json", TIMEOUT_MILLIS).map(answer -> {
            if (answer.status() != 200) {
                throw new IllegalStateException("status " + answer.status());
            }
            try {
                return json.readTree(answer.body().getBytes());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }).onFailure(e -> LOG.warnf("No OpenAPI document from %s: %s", baseUrl, e.getMessage()));
    }

    private static void send(RoutingContext ctx, String body) {
        ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-cache").end(body);
    }

    private void problem(RoutingContext ctx, int status, ErrorCode code, String detail) {
        if (status == 503) {
            ctx.response().putHeader("Retry-After", "5");
        }
        HttpLayerProblems.send(ctx, json, status, code, detail, List.of());
    }
}
