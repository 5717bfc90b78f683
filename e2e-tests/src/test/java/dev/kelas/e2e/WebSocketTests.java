package dev.kelas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The notification WebSocket with a real client: its token, resume with replay, heartbeats, and refused frames. */
class WebSocketTests {
    private static KelasSystem system;
    private static School school;

    @BeforeAll
    static void start() {
        system = KelasSystem.get();
        school = School.register(system, "WebSocket School");
    }

    @Test
    void shouldRefuseASocketWithoutAValidToken() throws Exception {
        for (String token : new String[] {null, "not-a-token", school.admin.refreshToken()}) {
            try (WsClient socket = WsClient.connect(system.url("notification-service"), token)) {
                JsonNode error = socket.awaitType("error", "UNAUTHENTICATED", Duration.ofSeconds(10));
                assertNotNull(error, "no error frame for token " + token + ": " + socket.received());
                assertEquals("1008 UNAUTHENTICATED", socket.awaitClosed(Duration.ofSeconds(10)));
            }
        }
    }

    @Test
    void shouldPushLiveAndReplayWhatWasMissedAfterTheLastId() throws Exception {
        School.Person student = school.createUser("STUDENT", "Wanda Socket");
        String notifications = system.url("notification-service");
        long first;
        try (WsClient socket = WsClient.connect(notifications, student.accessToken())) {
            assertEquals(0, socket.resume(0).path("lastId").asLong());
            school.publishGrade(student, "Live one");
            JsonNode live = socket.awaitType("notification", "Live one", Duration.ofSeconds(30));
            assertNotNull(live, "no live notification: " + socket.received());
            assertEquals("kelas.learning.grade.recorded", live.path("notification").path("type").asText());
            first = live.path("id").asLong();
        }
        school.publishGrade(student, "Missed A");
        school.publishGrade(student, "Missed B");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> school.as(student, "notification-service")
                .get("/api/v1/notifications").then().extract().<Integer>path("total") == 3);

        try (WsClient resumed = WsClient.connect(notifications, student.accessToken())) {
            JsonNode done = resumed.resume(first);
            assertEquals(2, done.path("replayed").asInt());
            assertEquals(List.of(first + 1, first + 2), resumed.notificationIds(), "replayed in order, before resumed");
            school.publishGrade(student, "After resume");
            assertNotNull(resumed.awaitType("notification", "After resume", Duration.ofSeconds(30)));
            assertEquals(List.of(first + 1, first + 2, first + 3), resumed.notificationIds());
        }
    }

    @Test
    void shouldSendNoNotificationBeforeResumeAndHeartbeatsAlways() throws Exception {
        School.Person student = school.createUser("STUDENT", "Nico Notyet");
        String notifications = system.url("notification-service");
        try (WsClient idle = WsClient.connect(notifications, student.accessToken());
             WsClient live = WsClient.connect(notifications, student.accessToken())) {
            live.resume(0);
            school.publishGrade(student, "Only for the resumed");
            assertNotNull(live.awaitType("notification", "Only for the resumed", Duration.ofSeconds(30)));
            assertNotNull(idle.awaitType("heartbeat", "", Duration.ofSeconds(15)), "heartbeats come without a resume");
            assertEquals(List.of(), idle.notificationIds());
            assertEquals("ready", idle.received().get(0).path("type").asText());
        }
    }

    @Test
    void shouldCloseConnectionsWhoseTokenIsRevoked() throws Exception {
        School.Person student = school.createUser("STUDENT", "Dana Deactivated");
        try (WsClient idle = WsClient.connect(system.url("notification-service"), student.accessToken());
             WsClient talking = WsClient.connect(system.url("notification-service"), student.accessToken())) {
            idle.resume(0);
            school.as(school.admin, "auth-service").delete("/api/v1/users/" + student.id()).then().statusCode(204);
            assertNotNull(idle.awaitClosed(Duration.ofSeconds(30)), "the socket of a deactivated user stays open");
            try {
                talking.send(Map.of("type", "ping")); // refused at once, unless a heartbeat closed it first
            } catch (java.util.concurrent.ExecutionException closedAlready) {
                // the heartbeat was first
            }
            assertNotNull(talking.awaitClosed(Duration.ofSeconds(30)), "a revoked token's frames are still answered");
        }
    }

    @Test
    void shouldAnswerEveryBadFrameWithAStableCode() throws Exception {
        School.Person student = school.createUser("STUDENT", "Bea Badframe");
        try (WsClient socket = WsClient.connect(system.url("notification-service"), student.accessToken())) {
            List<String> codes = new ArrayList<>();
            socket.send(Map.of("type", "dance", "ref", "r1"));
            codes.add(code(socket, "r1"));
            socket.send(Map.of("type", "join", "ref", "r2"));
            codes.add(code(socket, "r2"));
            socket.send(Map.of("type", "join", "roomId", UUID.randomUUID().toString(), "ref", "r3"));
            codes.add(code(socket, "r3"));
            socket.send(Map.of("type", "resume", "lastId", -4, "ref", "r4"));
            codes.add(code(socket, "r4"));
            socket.resume(0);
            socket.send(Map.of("type", "resume", "lastId", 0, "ref", "r5"));
            codes.add(code(socket, "r5"));
            socket.send(Map.of("type", "send", "roomId", UUID.randomUUID().toString(), "body", "hi", "ref", "r6"));
            codes.add(code(socket, "r6"));
            assertEquals(List.of("VALIDATION_ERROR", "VALIDATION_ERROR", "NOT_FOUND", "VALIDATION_ERROR", "CONFLICT",
                    "CONFLICT"), codes);
            socket.send(Map.of("type", "ping", "ref", "p"));
            assertNotNull(socket.await(f -> f.path("type").asText().equals("pong") && f.path("ref").asText().equals("p"),
                    Duration.ofSeconds(10)));
            socket.sendRaw("{not json");
            JsonNode malformed = socket.awaitType("error", "MALFORMED_REQUEST", Duration.ofSeconds(10));
            assertNotNull(malformed);
            assertTrue(!malformed.toString().contains("Exception"), "no stack trace: " + malformed);
        }
    }

    private static String code(WsClient socket, String ref) throws InterruptedException {
        JsonNode error = socket.await(f -> f.path("type").asText().equals("error") && f.path("ref").asText().equals(ref),
                Duration.ofSeconds(10));
        assertNotNull(error, "no error for " + ref + ": " + socket.received());
        return error.path("code").asText();
    }
}
