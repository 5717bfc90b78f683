package dev.kelas.runtime.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.kelas.contracts.ErrorCode;
import dev.kelas.runtime.web.RequestIds;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import io.vertx.core.http.HttpServerRequest;

/**
 * Turns every exception that reaches the REST layer into an RFC 9457 {@code application/problem+json}
 * response with a stable {@code code}. Unexpected exceptions are logged with the request id and
 * answered 500 INTERNAL_ERROR without any detail: no stack trace ever reaches a client. A failure that an
 * unreachable backend caused ({@link BackendOutage}) is 503 SERVICE_UNAVAILABLE with {@code Retry-After}.
 */
public class ProblemMapper {
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response mapKelas(KelasException e, UriInfo uri, HttpServerRequest request) {
        Response response = problem(e.status(), e.code(), e.getMessage(), e.errors(), uri, request);
        if (e instanceof TooManyRequestsException limited) {
            response.getHeaders().putSingle("Retry-After", String.valueOf(limited.retryAfterSeconds()));
        }
        return response;
    }

    @ServerExceptionMapper
    public Response mapConstraintViolation(ConstraintViolationException e, UriInfo uri, HttpServerRequest request) {
        List<KelasException.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new KelasException.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(KelasException.FieldError::field))
                .collect(Collectors.toList());
        return problem(400, ErrorCode.VALIDATION_ERROR, "The request has invalid fields", errors, uri, request);
    }

    @ServerExceptionMapper({JsonProcessingException.class, InvalidDefinitionException.class, MismatchedInputException.class,
            InvalidFormatException.class})
    public Response mapJson(JsonProcessingException e, UriInfo uri, HttpServerRequest request) {
        List<KelasException.FieldError> errors = List.of();
        String field = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[")
                : null;
        if (e instanceof dev.kelas.runtime.web.UnstorableTextException) {
            return problem(422, ErrorCode.VALIDATION_ERROR, "The request has invalid fields",
                    List.of(new KelasException.FieldError(field != null ? field : "body", StorableText.MESSAGE)), uri, request);
        }
        if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            return problem(400, ErrorCode.MALFORMED_REQUEST,
                    "The request body is too large, too deeply nested or has too long a value", List.of(), uri, request);
        }
        if (field != null) {
            errors = List.of(new KelasException.FieldError(field, "has the wrong type or format"));
        }
        return problem(400, ErrorCode.MALFORMED_REQUEST, "The request body is not valid JSON of the expected shape",
                errors, uri, request);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response mapUnauthenticated(RuntimeException e, UriInfo uri, HttpServerRequest request) {
        return problem(401, ErrorCode.UNAUTHENTICATED, "A valid access token is required", List.of(), uri, request);
    }

    @ServerExceptionMapper(io.quarkus.security.ForbiddenException.class)
    public Response mapForbidden(RuntimeException e, UriInfo uri, HttpServerRequest request) {
        return problem(403, ErrorCode.FORBIDDEN, "Your role does not allow this", List.of(), uri, request);
    }

    @ServerExceptionMapper
    public Response mapWebApplication(WebApplicationException e, UriInfo uri, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return mapUnexpected(e, uri, request);
        }
        ErrorCode code = switch (status) {
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 409 -> ErrorCode.CONFLICT;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 414 -> ErrorCode.URI_TOO_LONG;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 431 -> ErrorCode.HEADERS_TOO_LARGE;
            case 429 -> ErrorCode.RATE_LIMITED;
            default -> ErrorCode.MALFORMED_REQUEST;
        };
        String detail = status == 404 ? "No such resource" : Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Bad request";
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return mapJson(json, uri, request);
            }
        }
        if (e instanceof dev.kelas.runtime.web.StrictBooleans.NotABoolean) {
            detail = e.getMessage();
        }
        return problem(status, code, detail, List.of(), uri, request);
    }

    @ServerExceptionMapper
    public Response mapUnexpected(Throwable e, UriInfo uri, HttpServerRequest request) {
        if (isUniqueViolation(e)) {
            return problem(409, ErrorCode.CONFLICT, "This would duplicate an existing record", List.of(), uri, request);
        }
        if (BackendOutage.causes(e)) {
            LOG.warnf("%s %s answered 503: a backend is unreachable (%s) (request id %s)", request.method(), request.path(),
                    e, RequestIds.of(request));
            return Response.fromResponse(problem(503, ErrorCode.SERVICE_UNAVAILABLE,
                            "The service cannot reach its database or message broker; try again shortly", List.of(), uri, request))
                    .header("Retry-After", BackendOutage.RETRY_AFTER_SECONDS).build();
        }
        LOG.errorf(e, "Unexpected failure on %s %s (request id %s)", request.method(), request.path(),
                RequestIds.of(request));
        return problem(500, ErrorCode.INTERNAL_ERROR, "An unexpected error occurred; quote the request id to support",
                List.of(), uri, request);
    }

    /** PostgreSQL SQLSTATE 23505 anywhere in the cause chain: a concurrent insert won a unique race. */
    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof io.vertx.pgclient.PgException pg && "23505".equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }

    private static String fieldName(ConstraintViolation<?> violation) {
        // Paths look like "createClass.request.name": drop the method and parameter nodes.
        String path = violation.getPropertyPath().toString();
        String[] nodes = path.split("\\.");
        return nodes.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(nodes, 2, nodes.length))
                : nodes[nodes.length - 1];
    }

    private static Response problem(int status, ErrorCode code, String detail, List<KelasException.FieldError> errors,
                                    UriInfo uri, HttpServerRequest request) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "Unprocessable Content";
        ProblemDetail body = new ProblemDetail("https://kelas.dev/problems/" + code.name().toLowerCase().replace('_', '-'),
                title, status, detail, uri.getPath(), code.name(), errors.isEmpty() ? null : errors,
                RequestIds.of(request));
        return Response.status(status).type(ProblemDetail.MEDIA_TYPE).entity(body).build();
    }
}
