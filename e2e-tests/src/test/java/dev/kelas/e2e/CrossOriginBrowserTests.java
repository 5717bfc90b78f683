package dev.kelas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import dev.kelas.testing.Ports;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The browser rules as a frontend meets them, in real headless chromium: a page of the one allowed origin
 * ({@link KelasSystem#frontendOrigin()}) logs in, calls services through the edge and directly (CORS
 * preflights included, since it sends a bearer token), reads the exposed headers, and opens an SSE stream
 * through the edge; the same page served from another origin is refused by the browser.
 */
class CrossOriginBrowserTests {
    private static final String LOGIN = """
            async ([base, tenant, email, password]) => {
              const answer = await fetch(base + '/api/v1/auth/login', {method: 'POST',
                  headers: {'Content-Type': 'application/json'}, body: JSON.stringify({tenant, email, password})});
              const body = await answer.json();
              return {status: answer.status, token: body.accessToken || null,
                      requestId: answer.headers.get('X-Request-Id'), policy: answer.headers.get('RateLimit-Policy')};
            }""";
    private static final String GET = """
            async ([url, token]) => {
              const answer = await fetch(url, {headers: {'Authorization': 'Bearer ' + token, 'X-Request-Id': 'browser-req-1'}});
              return {status: answer.status, body: await answer.text(), requestId: answer.headers.get('X-Request-Id'),
                      rateLimit: answer.headers.get('RateLimit')};
            }""";
    private static final String REFUSED = """
            async ([url]) => {
              try {
                await fetch(url, {method: 'POST', headers: {'Content-Type': 'application/json'}, body: '{}'});
                return 'answered';
              } catch (e) {
                return 'refused: ' + e.name;
              }
            }""";

    @Test
    @SuppressWarnings("unchecked")
    void shouldLetTheAllowedOriginCallThroughTheEdgeAndDirectlyAndRefuseAnother() throws Exception {
        KelasSystem system = KelasSystem.get();
        String edge = system.edgeUrl();
        School school = School.register(system, "Cross Origin School");
        School.Person teacher = school.createUser("TEACHER", "Cora Origin");
        String classId = school.createClass(teacher, "Browsers 101");
        try (Browser browser = Browser.start()) {
            String allowed = browser.servePage(system.frontendPort());
            Page page = browser.newPage();
            page.navigate(allowed + "/");

            Map<String, Object> login = (Map<String, Object>) page.evaluate(LOGIN,
                    List.of(edge, school.slug, teacher.email(), teacher.password()));
            assertEquals(200, ((Number) login.get("status")).intValue(), "login through the edge: " + login);
            String token = (String) login.get("token");
            assertNotNull(token);
            assertNotNull(login.get("requestId"), "X-Request-Id is exposed to the page");
            assertTrue(String.valueOf(login.get("policy")).contains("\"login-address\""), "RateLimit-Policy exposed: " + login);

            Map<String, Object> viaEdge = (Map<String, Object>) page.evaluate(GET,
                    List.of(edge + "/api/v1/classes/" + classId, token));
            assertEquals(200, ((Number) viaEdge.get("status")).intValue(), "through the edge: " + viaEdge);
            assertTrue(((String) viaEdge.get("body")).contains("Browsers 101"));
            assertEquals("browser-req-1", viaEdge.get("requestId"), "the page's request id comes back");
            assertTrue(String.valueOf(viaEdge.get("rateLimit")).contains("\"reads-user\";r="), "RateLimit exposed: " + viaEdge);

            Map<String, Object> direct = (Map<String, Object>) page.evaluate(GET,
                    List.of(system.url("learning-service") + "/api/v1/classes/" + classId, token));
            assertEquals(200, ((Number) direct.get("status")).intValue(), "directly: " + direct);

            Object stream = page.evaluate("""
                    ([base, token]) => new Promise((resolve, reject) => {
                      const source = new EventSource(base + '/api/v1/notifications/stream?access_token=' + token);
                      source.onopen = () => { source.close(); resolve('open'); };
                      source.onerror = () => reject(new Error('EventSource error, readyState ' + source.readyState));
                      setTimeout(() => reject(new Error('EventSource not open after 30 s')), 30000);
                    })""", List.of(edge, token));
            assertEquals("open", stream, "SSE through the edge from another origin");

            String other = browser.servePage(Ports.freePort());
            Page stranger = browser.newPage();
            stranger.navigate(other + "/");
            assertEquals("refused: TypeError", stranger.evaluate(REFUSED, List.of(edge + "/api/v1/auth/login")),
                    "a page of " + other + " may not call the edge");
            assertEquals("refused: TypeError", stranger.evaluate(REFUSED,
                    List.of(system.url("auth-service") + "/api/v1/auth/login")), "nor a service directly");
        }
    }
}
