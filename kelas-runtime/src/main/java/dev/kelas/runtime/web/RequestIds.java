package dev.kelas.runtime.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.MDC;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every HTTP request an {@code X-Request-Id}: the client's own if it sent a sane one (1 to 128
 * letters, digits, '-', '_' or '.'), a new UUID otherwise. The id is echoed on the response and
 * quoted in problem documents and log lines so support can find one request.
 */
@ApplicationScoped
public class RequestIds {
    public static final String HEADER = "X-Request-Id";
    /** The log MDC key of the request id, on HTTP requests and on the events that descend from them. */
    public static final String MDC_KEY = "requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    void installOnRouter(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String given = context.request().getHeader(HEADER);
            String id = sane(given) ? given : UUID.randomUUID().toString();
            context.request().headers().set(HEADER, id);
            context.response().putHeader(HEADER, id);
            MDC.put(MDC_KEY, id); // kept on the request's Vert.x context: every log line of the request carries it
            context.next();
        });
    }

    /** Whether a request id from outside (a header, an event) is one Kelas keeps: 1 to 128 of {@code [A-Za-z0-9._-]}. */
    public static boolean sane(String id) {
        return id != null && SANE.matcher(id).matches();
    }

    /** The request id in the log MDC of the current request or event, or null. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }

    /** The request id assigned to this request. */
    public static String of(HttpServerRequest request) {
        return request.getHeader(HEADER);
    }
}
