package dev.kelas.notification.inbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kelas.contracts.Role;
import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.GradeReleased;
import dev.kelas.contracts.events.UserRegistered;
import dev.kelas.notification.testing.NotificationTestEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** notification-service on its own: events become inbox items for their audience, read state, preferences, SSE. */
@QuarkusTest
@QuarkusTestResource(value = NotificationTestEnvironment.class, restrictToAnnotatedClass = true)
class NotificationResourceTests {
    private final UUID tenantId = UUID.randomUUID();

    @TestHTTPResource("/api/v1/notifications/stream")
    URI stream;

    private RequestSpecification as(UUID userId) {
        return given().contentType(ContentType.JSON)
                .auth().oauth2(NotificationTestEnvironment.tokens().token(userId, tenantId, Role.STUDENT.name()));
    }

    private UUID student(String name) {
        UUID id = UUID.randomUUID();
        NotificationTestEnvironment.events().publish(Subjects.AUTH_USER_REGISTERED, tenantId, id.toString(),
                new UserRegistered(id, tenantId, id + "@school.test", name, Role.STUDENT, Instant.now()));
        return id;
    }

    private void releaseGrade(UUID studentId, String title) {
        UUID gradeId = UUID.randomUUID();
        NotificationTestEnvironment.events().publish(Subjects.LEARNING_GRADE_RELEASED, tenantId, gradeId.toString(),
                new GradeReleased(gradeId, UUID.randomUUID(), UUID.randomUUID(), studentId, title, BigDecimal.valueOf(8),
                        BigDecimal.TEN, false, Instant.now()));
    }

    private void awaitInbox(UUID userId, int total) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() ->
                Integer.valueOf(total).equals(as(userId).get("/api/v1/notifications").path("total")));
    }

    @Test
    void shouldPutAReleasedGradeInTheStudentsInboxOnly() {
        UUID student = student("Sari Student");
        UUID classmate = student("Cici Classmate");
        releaseGrade(student, "Essay 1");
        awaitInbox(student, 1);
        as(student).get("/api/v1/notifications").then().statusCode(200).body("unread", equalTo(1))
                .body("items[0].read", equalTo(false));
        as(classmate).get("/api/v1/notifications").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void shouldMarkANotificationReadAndAnswer404ToAnotherUser() {
        UUID student = student("Rudi Reader");
        UUID other = student("Otto Other");
        releaseGrade(student, "Quiz");
        awaitInbox(student, 1);
        Object id = as(student).get("/api/v1/notifications").path("items[0].id");
        as(other).pathParam("id", id).post("/api/v1/notifications/{id}/read").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
        as(student).pathParam("id", id).post("/api/v1/notifications/{id}/read").then().statusCode(204);
        as(student).get("/api/v1/notifications/unread-count").then().statusCode(200).body("unread", equalTo(0));
    }

    @Test
    void shouldKeepAChosenPreferenceAndRefuseAnUnknownType() {
        UUID student = student("Pia Prefers");
        String type = Subjects.LEARNING_GRADE_RELEASED;
        as(student).pathParam("type", type).body(Map.of("inApp", false, "email", "OFF"))
                .put("/api/v1/notifications/preferences/{type}").then().statusCode(200);
        as(student).get("/api/v1/notifications/preferences").then().statusCode(200)
                .body("items.find { it.type == '" + type + "' }.inApp", equalTo(false))
                .body("items.find { it.type == '" + type + "' }.chosen", equalTo(true));
        as(student).pathParam("type", "kelas.no.such.type").body(Map.of("inApp", true, "email", "OFF"))
                .put("/api/v1/notifications/preferences/{type}").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldDeliverAReleasedGradeOverAnOpenSseStream() throws Exception {
        UUID student = student("Stella Stream");
        String token = NotificationTestEnvironment.tokens().token(student, tenantId, Role.STUDENT.name());
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(stream)
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            CompletableFuture<String> data = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        if (line.startsWith("data:") && line.contains("Streamed work")) {
                            return line;
                        }
                    }
                    return null;
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            Thread.sleep(500); // the stream subscribes to the user's push subject once it is open
            releaseGrade(student, "Streamed work");
            String line = data.get(20, TimeUnit.SECONDS);
            assertTrue(line != null && line.contains("Grade released: Streamed work"), String.valueOf(line));
        }
    }
}
