package dev.kelas.notification.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kelas.notification.testing.NotificationTestEnvironment;
import dev.kelas.testing.BrowserRules;
import dev.kelas.testing.BrowserRulesContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * notification-service answers browsers by the shared rules (CORS, security headers, /version; docs/edge.md),
 * and its WebSocket takes the allowed origin only: a browser always sends {@code Origin} on the handshake.
 */
@QuarkusTest
@QuarkusTestResource(value = NotificationTestEnvironment.class, restrictToAnnotatedClass = true)
class BrowserRulesTests extends BrowserRulesContract {

    @Override
    protected String service() {
        return "notification-service";
    }

    @Override
    protected String protectedPath() {
        return "/api/v1/notifications";
    }

    @Test
    void shouldRefuseAWebSocketHandshakeFromAnotherOrigin() {
        ExecutionException failed = assertThrows(ExecutionException.class, () -> handshake(BrowserRules.OTHER_ORIGIN));
        WebSocketHandshakeException refused = assertInstanceOf(WebSocketHandshakeException.class, failed.getCause());
        assertEquals(403, refused.getResponse().statusCode());
    }

    @Test
    void shouldOpenAWebSocketFromTheAllowedOrigin() throws Exception {
        handshake(BrowserRules.ALLOWED_ORIGIN).abort();
    }

    private static WebSocket handshake(String origin) throws Exception {
        URI uri = URI.create("ws://127.0.0.1:" + RestAssured.port + "/api/v1/notifications/ws");
        return HttpClient.newHttpClient().newWebSocketBuilder().header("Origin", origin)
                .buildAsync(uri, new WebSocket.Listener() { }).get(15, TimeUnit.SECONDS);
    }
}
