package dev.kelas.runtime.web;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The services of the system as {@code kelas.healthz.services} lists them ({@code name=base-url,...}), and one
 * HTTP client to ask them, for the answers the edge routes to auth-service and which need every service:
 * {@code /healthz} ({@link EdgeHealth}) and the merged {@code /openapi}.
 */
@Singleton
public class PeerServices {
    /** A peer's answer: its status code and body. */
    public record Answer(int status, Buffer body) {
    }

    /** How long connecting to a peer may take, in milliseconds (they are on the cluster network). */
    static final int CONNECT_TIMEOUT_MILLIS = 1000;

    private final Vertx vertx;
    private final Map<String, String> services;
    private volatile HttpClient client;

    PeerServices(Vertx vertx, @ConfigProperty(name = "kelas.healthz.services") List<String> services) {
        this.vertx = vertx;
        this.services = parse(services);
    }

    /** Each service's base URL by its name, in the configured order. */
    public Map<String, String> services() {
        return services;
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

    /**
     * {@code GET baseUrl + pathAndQuery}, failed when no whole answer arrives within {@code timeoutMillis} ms
     * (connection refused, a peer that never answers).
     */
    public Future<Answer> get(String baseUrl, String pathAndQuery, int timeoutMillis) {
        Promise<Answer> result = Promise.promise();
        long timer = vertx.setTimer(timeoutMillis, t -> result.tryFail("no answer within " + timeoutMillis + " ms"));
        client().request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(baseUrl + pathAndQuery))
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> new Answer(response.statusCode(), body)))
                .onComplete(done -> {
                    vertx.cancelTimer(timer);
                    if (done.succeeded()) {
                        result.tryComplete(done.result());
                    } else {
                        result.tryFail(done.cause());
                    }
                });
        return result.future();
    }

    private HttpClient client() {
        HttpClient existing = client;
        if (existing == null) {
            synchronized (this) {
                if (client == null) {
                    client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(CONNECT_TIMEOUT_MILLIS)
                            .setIdleTimeout(5).setKeepAlive(false));
                }
                existing = client;
            }
        }
        return existing;
    }
}
