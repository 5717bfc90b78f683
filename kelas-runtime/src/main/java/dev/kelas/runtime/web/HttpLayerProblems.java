package dev.kelas.runtime.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelas.contracts.ErrorCode;
import dev.kelas.runtime.problem.KelasException;
import dev.kelas.runtime.problem.ProblemDetail;
import dev.kelas.runtime.problem.StorableText;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Problem+json for what the HTTP layer refuses before a resource runs: a request target longer
 * than {@value #MAX_TARGET} characters (414 URI_TOO_LONG), request headers over {@value #MAX_HEADERS}
 * bytes (431 HEADERS_TOO_LARGE), a path or query that breaks {@link StorableText} (422
 * VALIDATION_ERROR), and every routing failure with a status (413 body too large, 400 a broken
 * multipart body, ...). The Vert.x limits ({@code quarkus.http.limits.max-initial-line-length},
 * {@code max-header-size}) are set above these so such requests reach this handler; beyond those the
 * server closes with its own bare answer.
 */
@Singleton
public class HttpLayerProblems {
    /** Longest request target (path and query), in characters. */
    public static final int MAX_TARGET = 4096;
    /** Largest total of request header names and values, in bytes. */
    public static final int MAX_HEADERS = 16 * 1024;

    private final ObjectMapper json;

    HttpLayerProblems(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::screen).failureHandler(this::failed);
    }

    void screen(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String target = request.uri();
        if (target.length() > MAX_TARGET) {
            send(ctx, 414, ErrorCode.URI_TOO_LONG, "The request target is longer than " + MAX_TARGET + " characters",
                    List.of());
            return;
        }
        int headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > MAX_HEADERS) {
            send(ctx, 431, ErrorCode.HEADERS_TOO_LARGE, "The request headers are larger than " + MAX_HEADERS + " bytes",
                    List.of());
            return;
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(target.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            send(ctx, 400, ErrorCode.MALFORMED_REQUEST, "The request target has a broken percent-encoding", List.of());
            return;
        }
        if (!StorableText.isStorable(decoded)) {
            send(ctx, 422, ErrorCode.VALIDATION_ERROR, "The request has invalid fields",
                    List.of(new KelasException.FieldError(request.path().equals(request.uri()) ? "path" : "query",
                            StorableText.MESSAGE)));
            return;
        }
        ctx.next();
    }

    void failed(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        int status = ctx.statusCode();
        if (status < 400 || status >= 500) {
            ctx.next();
            return;
        }
        ErrorCode code = switch (status) {
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            default -> ErrorCode.MALFORMED_REQUEST;
        };
        String detail = switch (status) {
            case 413 -> "The request body is larger than this call accepts";
            case 404 -> "No such resource";
            default -> "The request could not be read";
        };
        send(ctx, status, code, detail, List.of());
    }

    private void send(RoutingContext ctx, int status, ErrorCode code, String detail,
                      List<KelasException.FieldError> errors) {
        send(ctx, json, status, code, detail, errors);
    }

    /**
     * Ends {@code ctx} with a problem+json answer written outside JAX-RS (plain Vert.x routes): its type, title,
     * status, detail, instance (the path), code, field errors (null when none) and the request id. A 413, 414 or
     * 431 also closes the connection, since the rest of that request was never read.
     */
    public static void send(RoutingContext ctx, ObjectMapper json, int status, ErrorCode code, String detail,
                            List<KelasException.FieldError> errors) {
        String requestId = RequestIds.of(ctx.request());
        ProblemDetail body = new ProblemDetail("https://kelas.dev/problems/" + code.name().toLowerCase().replace('_', '-'),
                title(status), status, detail, ctx.request().path(), code.name(), errors.isEmpty() ? null : errors,
                requestId);
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (Exception e) {
            text = "{\"status\":" + status + ",\"code\":\"" + code.name() + "\"}";
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", ProblemDetail.MEDIA_TYPE);
        if (status == 414 || status == 431 || status == 413) {
            ctx.response().putHeader("Connection", "close");
        }
        ctx.response().end(text);
    }

    private static String title(int status) {
        return switch (status) {
            case 414 -> "URI Too Long";
            case 422 -> "Unprocessable Content";
            case 431 -> "Request Header Fields Too Large";
            case 413 -> "Content Too Large";
            default -> {
                jakarta.ws.rs.core.Response.Status known = jakarta.ws.rs.core.Response.Status.fromStatusCode(status);
                yield known != null ? known.getReasonPhrase() : "Bad Request";
            }
        };
    }
}
