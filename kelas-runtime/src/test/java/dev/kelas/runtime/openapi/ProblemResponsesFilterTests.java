package dev.kelas.runtime.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.junit.jupiter.api.Test;

class ProblemResponsesFilterTests {

    private static Operation operation(List<String> roles) {
        Operation operation = OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description("ok").content(OASFactory.createContent()
                        .addMediaType("application/json", OASFactory.createMediaType())))
                .addAPIResponse("404", OASFactory.createAPIResponse().description("NOT_FOUND: no such class")));
        if (roles != null) {
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("SecurityScheme", roles));
        }
        return operation;
    }

    private static OpenAPI document(Operation... operations) {
        OpenAPI openAPI = OASFactory.createOpenAPI().paths(OASFactory.createPaths());
        for (int i = 0; i < operations.length; i++) {
            openAPI.getPaths().addPathItem("/api/v1/p" + i, OASFactory.createPathItem().GET(operations[i]));
        }
        return openAPI;
    }

    @Test
    void shouldAddUnauthenticatedAndForbiddenToAnOperationThatNamesRoles() {
        Operation secured = operation(List.of("ADMIN"));
        new ProblemResponsesFilter().filterOpenAPI(document(secured));

        assertTrue(secured.getResponses().hasAPIResponse("401"));
        assertTrue(secured.getResponses().getAPIResponse("401").getDescription().startsWith("UNAUTHENTICATED"));
        assertTrue(secured.getResponses().getAPIResponse("403").getDescription().startsWith("FORBIDDEN"));
    }

    @Test
    void shouldAddOnlyUnauthenticatedWhenAnyCallerWithATokenMay() {
        Operation authenticated = operation(List.of());
        new ProblemResponsesFilter().filterOpenAPI(document(authenticated));

        assertTrue(authenticated.getResponses().hasAPIResponse("401"));
        assertFalse(authenticated.getResponses().hasAPIResponse("403"));
    }

    @Test
    void shouldLeaveAPublicOperationWithoutSecurityResponses() {
        Operation open = operation(null);
        new ProblemResponsesFilter().filterOpenAPI(document(open));

        assertFalse(open.getResponses().hasAPIResponse("401"));
        assertFalse(open.getResponses().hasAPIResponse("403"));
    }

    @Test
    void shouldKeepTheResourcesOwnDescriptionOfForbidden() {
        Operation secured = operation(List.of("TEACHER"));
        secured.getResponses().addAPIResponse("403", OASFactory.createAPIResponse().description("FORBIDDEN: not this class's teacher"));
        new ProblemResponsesFilter().filterOpenAPI(document(secured));

        assertEquals("FORBIDDEN: not this class's teacher", secured.getResponses().getAPIResponse("403").getDescription());
    }

    @Test
    void shouldGiveEveryErrorResponseAProblemBodyAndLeaveSuccessBodiesAlone() {
        Operation secured = operation(List.of("ADMIN"));
        OpenAPI openAPI = document(secured);
        new ProblemResponsesFilter().filterOpenAPI(openAPI);

        for (String code : List.of("401", "403", "404")) {
            var media = secured.getResponses().getAPIResponse(code).getContent().getMediaType("application/problem+json");
            assertNotNull(media, code + " has no problem+json body");
            assertEquals("#/components/schemas/Problem", media.getSchema().getRef());
        }
        assertTrue(secured.getResponses().getAPIResponse("200").getContent().hasMediaType("application/json"));
        assertFalse(secured.getResponses().getAPIResponse("200").getContent().hasMediaType("application/problem+json"));
        var problem = openAPI.getComponents().getSchemas().get("Problem");
        assertTrue(problem.getProperties().keySet().containsAll(List.of("type", "title", "status", "detail", "code", "errors", "requestId")));
    }

    @Test
    void shouldDocumentRateLimitsInputErrorsAndInternalErrorsOnEveryOperation() {
        Operation withInput = operation(List.of("ADMIN"));
        withInput.addParameter(OASFactory.createParameter().name("page").in(org.eclipse.microprofile.openapi.models.parameters.Parameter.In.QUERY));
        Operation health = operation(null);
        OpenAPI openAPI = document(withInput);
        openAPI.getPaths().addPathItem("/q/health", OASFactory.createPathItem().GET(health));
        new ProblemResponsesFilter().filterOpenAPI(openAPI);

        assertTrue(withInput.getResponses().getAPIResponse("400").getDescription().startsWith("VALIDATION_ERROR"));
        var limited = withInput.getResponses().getAPIResponse("429");
        assertTrue(limited.getDescription().startsWith("RATE_LIMITED"));
        assertNotNull(limited.getHeaders().get("Retry-After"));
        assertNotNull(limited.getContent().getMediaType("application/problem+json"));
        assertTrue(withInput.getResponses().getAPIResponse("500").getDescription().startsWith("INTERNAL_ERROR"));

        assertFalse(health.getResponses().hasAPIResponse("429"), "health is never rate limited");
        assertFalse(health.getResponses().hasAPIResponse("400"), "no input, no 400");
        assertTrue(health.getResponses().hasAPIResponse("500"));
    }
}
