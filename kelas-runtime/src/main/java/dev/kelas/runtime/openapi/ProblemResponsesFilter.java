package dev.kelas.runtime.openapi;

import dev.kelas.runtime.problem.ProblemDetail;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Adds what every Kelas operation shares to the generated OpenAPI document, so resources do not repeat it:
 * <ul>
 *   <li>a {@code 401 UNAUTHENTICATED} response on every operation with a security requirement
 *       ({@code @RolesAllowed} or {@code @Authenticated}), and a {@code 403 FORBIDDEN} one where the
 *       requirement names roles, unless the resource describes its own;</li>
 *   <li>{@code 400 VALIDATION_ERROR / MALFORMED_REQUEST} on every operation that takes a body or parameters,
 *       {@code 429 RATE_LIMITED} (with {@code Retry-After}) on every operation the general rate limits count
 *       (all but {@link #UNLIMITED_PREFIXES}), and {@code 500 INTERNAL_ERROR} on every operation, unless the
 *       resource describes its own;</li>
 *   <li>an {@code application/problem+json} body (RFC 9457, schema {@code Problem}) on every 4xx and 5xx
 *       response that declares no body of its own.</li>
 * </ul>
 * Runs at build time, after Quarkus has added the security requirements.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {
    /** Name of the problem document's schema under {@code components.schemas}. */
    public static final String PROBLEM_SCHEMA = "Problem";
    /**
     * Paths the rate limits never count: kelas.rate-limit.exempt-prefixes' default (this filter runs at build
     * time, before runtime configuration exists).
     */
    public static final java.util.List<String> UNLIMITED_PREFIXES =
            java.util.List.of(dev.kelas.runtime.ratelimit.RateLimitConfig.DEFAULT_EXEMPT_PREFIXES.split(","));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean used = false;
        for (Map.Entry<String, PathItem> item : openAPI.getPaths().getPathItems().entrySet()) {
            boolean limited = UNLIMITED_PREFIXES.stream().noneMatch(item.getKey()::startsWith);
            for (Operation operation : item.getValue().getOperations().values()) {
                addCommonErrors(operation, limited);
                used |= describe(operation);
            }
        }
        if (used) {
            if (openAPI.getComponents() == null) {
                openAPI.setComponents(OASFactory.createComponents());
            }
            Components components = openAPI.getComponents();
            if (components.getSchemas() == null || !components.getSchemas().containsKey(PROBLEM_SCHEMA)) {
                components.addSchema(PROBLEM_SCHEMA, problemSchema());
            }
        }
    }

    /** Adds the shared responses to one operation; returns true when it now refers to the problem schema. */
    private static boolean describe(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            if (!responses.hasAPIResponse("401")) {
                responses.addAPIResponse("401", OASFactory.createAPIResponse()
                        .description("UNAUTHENTICATED: no valid access token"));
            }
            boolean namesRoles = operation.getSecurity().stream()
                    .anyMatch(requirement -> requirement.getSchemes() != null && requirement.getSchemes().values().stream()
                            .anyMatch(roles -> roles != null && !roles.isEmpty()));
            if (namesRoles && !responses.hasAPIResponse("403")) {
                responses.addAPIResponse("403", OASFactory.createAPIResponse()
                        .description("FORBIDDEN: the caller's role may not do this"));
            }
        }
        boolean used = false;
        if (responses.getAPIResponses() != null) {
            for (Map.Entry<String, APIResponse> entry : responses.getAPIResponses().entrySet()) {
                if (isError(entry.getKey()) && (entry.getValue().getContent() == null
                        || entry.getValue().getContent().getMediaTypes() == null
                        || entry.getValue().getContent().getMediaTypes().isEmpty())) {
                    entry.getValue().setContent(problemContent());
                    used = true;
                } else if (isError(entry.getKey())) {
                    used |= entry.getValue().getContent().hasMediaType(ProblemDetail.MEDIA_TYPE);
                }
            }
        }
        return used;
    }

    /** 400 where the operation takes input, 429 where the rate limits count it, 500 everywhere. */
    private static void addCommonErrors(Operation operation, boolean limited) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (takesInput && !responses.hasAPIResponse("400")) {
            responses.addAPIResponse("400", OASFactory.createAPIResponse()
                    .description("VALIDATION_ERROR or MALFORMED_REQUEST: a field, parameter or body the operation cannot take"));
        }
        if (limited && !responses.hasAPIResponse("429")) {
            responses.addAPIResponse("429", OASFactory.createAPIResponse()
                    .description("RATE_LIMITED: too many requests; try again after Retry-After seconds")
                    .addHeader("Retry-After", OASFactory.createHeader().description("Seconds until one more request passes")
                            .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))));
        }
        if (!responses.hasAPIResponse("500")) {
            responses.addAPIResponse("500", OASFactory.createAPIResponse()
                    .description("INTERNAL_ERROR: an unexpected failure, logged with the request id; no detail is given"));
        }
    }

    private static boolean isError(String code) {
        return code.length() == 3 && (code.charAt(0) == '4' || code.charAt(0) == '5');
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(ProblemDetail.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA)));
    }

    /** The schema of {@link ProblemDetail}: RFC 9457's members plus Kelas's {@code code}, {@code errors} and {@code requestId}. */
    static Schema problemSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", string).addProperty("message", string);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem document; `code` is the stable error code")
                .addProperty("type", string)
                .addProperty("title", string)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", string)
                .addProperty("instance", string)
                .addProperty("code", string)
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError))
                .addProperty("requestId", string)
                .addRequired("type").addRequired("title").addRequired("status").addRequired("code");
    }
}
