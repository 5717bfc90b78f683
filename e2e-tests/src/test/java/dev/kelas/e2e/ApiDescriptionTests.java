package dev.kelas.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The API described at the edge: {@code GET /openapi} holds every operation of the four services' own
 * documents, each naming its service and documenting its errors, with every {@code $ref} resolving; and
 * Swagger UI at {@code /api-docs} renders it in a real browser under its Content-Security-Policy.
 */
class ApiDescriptionTests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private static JsonNode document(String baseUrl, String path) throws Exception {
        return JSON.readTree(given().baseUri(baseUrl).queryParam("format", "json").get(path)
                .then().statusCode(200).extract().asString());
    }

    @Test
    void shouldHoldEveryOperationOfEveryServiceWithItsErrors() throws Exception {
        KelasSystem system = KelasSystem.get();
        JsonNode merged = document(system.edgeUrl(), "/openapi");
        assertEquals("Kelas API", merged.path("info").path("title").asText());
        List<String> wrong = new ArrayList<>();
        int operations = 0;
        for (String service : KelasSystem.SERVICES) {
            JsonNode own = document(system.url(service), "/q/openapi");
            for (var path = own.path("paths").fields(); path.hasNext(); ) {
                var entry = path.next();
                for (var method = entry.getValue().fieldNames(); method.hasNext(); ) {
                    String name = method.next();
                    if (!METHODS.contains(name)) {
                        continue;
                    }
                    operations++;
                    JsonNode operation = merged.path("paths").path(entry.getKey()).path(name);
                    if (!service.equals(operation.path("x-kelas-service").asText())) {
                        wrong.add(name + " " + entry.getKey() + " of " + service + " is not in /openapi as its operation");
                    }
                    boolean documentsAnError = false;
                    for (var code = operation.path("responses").fieldNames(); code.hasNext(); ) {
                        documentsAnError |= code.next().matches("[45]\\d\\d");
                    }
                    if (!documentsAnError) {
                        wrong.add(name + " " + entry.getKey() + " documents no error");
                    }
                }
            }
        }
        for (JsonNode ref : merged.findValues("$ref")) {
            String target = ref.asText();
            if (!target.startsWith("#/") || merged.at(target.substring(1)).isMissingNode()) {
                wrong.add("$ref " + target + " does not resolve");
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(operations > 100, "the four documents hold " + operations + " operations");
        int merge = 0;
        for (var path = merged.path("paths").fields(); path.hasNext(); ) {
            for (var method = path.next().getValue().fieldNames(); method.hasNext(); ) {
                merge += METHODS.contains(method.next()) ? 1 : 0;
            }
        }
        assertEquals(operations, merge, "/openapi holds the four documents' operations and no others");
    }

    @Test
    void shouldRenderTheMergedDocumentInSwaggerUiThroughTheEdge() throws Exception {
        KelasSystem system = KelasSystem.get();
        try (Browser browser = Browser.start()) {
            Page page = browser.newPage();
            List<String> problems = new ArrayList<>();
            page.onConsoleMessage(message -> {
                if ("error".equals(message.type())) {
                    problems.add(message.text());
                }
            });
            page.onPageError(error -> problems.add(error));
            page.navigate(system.edgeUrl() + "/api-docs");
            page.waitForSelector(".opblock-summary-path", new Page.WaitForSelectorOptions().setTimeout(20_000));
            String text = page.textContent("body");
            assertTrue(text.contains("Kelas API"), "the merged document's title is shown");
            assertTrue(page.locator(".opblock").count() > 100, "every operation is listed: " + page.locator(".opblock").count());
            for (String path : List.of("/api/v1/auth/login", "/api/v1/classes", "/api/v1/lab/tasks", "/api/v1/notifications/stream")) {
                assertTrue(page.locator("[data-path='" + path + "']").count() > 0, path + " is shown");
            }
            assertEquals(List.of(), problems, "Swagger UI runs without errors (a CSP violation would show here)");
        }
    }
}
