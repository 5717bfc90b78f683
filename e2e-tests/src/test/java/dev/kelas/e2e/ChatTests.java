package dev.kelas.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Class chat and study rooms over the notification WebSocket, with members on two replicas: membership,
 * messages stored before they are broadcast, history pages, typing and presence, a teacher's deletion.
 */
class ChatTests {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static KelasSystem system;
    private static School school;
    private static School.Person teacher;
    private static School.Person ana;
    private static School.Person ben;
    private static School.Person outsider;
    private static String classId;
    private static String second;

    @BeforeAll
    static void start() throws Exception {
        system = KelasSystem.get();
        second = system.startSecondNotificationReplica();
        school = School.register(system, "Chat School");
        teacher = school.createUser("TEACHER", "Theo Teacher");
        ana = school.createUser("STUDENT", "Ana Chat");
        ben = school.createUser("STUDENT", "Ben Chat");
        outsider = school.createUser("STUDENT", "Otto Outside");
        classId = school.classKnownToNotifications(teacher, "Chemistry", 5, ana, ben);
    }

    @Test
    void shouldLetOnlyClassMembersJoinAndShareMessagesAcrossReplicas() throws Exception {
        try (WsClient anaSocket = WsClient.connect(system.url("notification-service"), ana.accessToken());
             WsClient benSocket = WsClient.connect(system.url(second), ben.accessToken());
             WsClient outsiderSocket = WsClient.connect(system.url("notification-service"), outsider.accessToken())) {
            JsonNode joined = join(anaSocket, classId);
            assertEquals("STUDENT", joined.path("role").asText());
            assertEquals("CLASS", joined.path("room").path("kind").asText());
            join(benSocket, classId);
            JsonNode presence = anaSocket.await(f -> f.path("type").asText().equals("presence")
                    && f.path("online").size() == 2, WAIT);
            assertNotNull(presence, "Ana never saw Ben, who is on the other replica: " + anaSocket.received());

            outsiderSocket.send(Map.of("type", "join", "roomId", classId, "ref", "o"));
            assertEquals("FORBIDDEN", errorCode(outsiderSocket, "o"));
            School other = School.register(system, "Other Chat School");
            School.Person stranger = other.createUser("STUDENT", "Sid Stranger");
            try (WsClient strangerSocket = WsClient.connect(system.url(second), stranger.accessToken())) {
                strangerSocket.send(Map.of("type", "join", "roomId", classId, "ref", "s"));
                assertEquals("NOT_FOUND", errorCode(strangerSocket, "s"), "another school's room does not exist for them");
            }

            anaSocket.send(Map.of("type", "send", "roomId", classId, "body", "Hello, lab partners", "ref", "m1"));
            JsonNode sent = anaSocket.await(f -> f.path("type").asText().equals("sent") && f.path("ref").asText().equals("m1"), WAIT);
            assertNotNull(sent, anaSocket.received().toString());
            JsonNode atBen = benSocket.awaitType("message", "Hello, lab partners", WAIT);
            assertNotNull(atBen, benSocket.received().toString());
            assertEquals("Ana Chat", atBen.path("message").path("senderName").asText());
            // Stored before it was broadcast: the moment Ben has it, the history has it.
            school.as(teacher, "notification-service").get("/api/v1/chat/rooms/" + classId + "/messages").then()
                    .statusCode(200).body("items[0].id", equalTo(sent.path("messageId").asInt()))
                    .body("items[0].body", equalTo("Hello, lab partners"));
            school.as(outsider, "notification-service").get("/api/v1/chat/rooms/" + classId + "/messages").then()
                    .statusCode(403).body("code", equalTo("FORBIDDEN"));

            benSocket.send(Map.of("type", "typing", "roomId", classId));
            JsonNode typing = anaSocket.awaitType("typing", "Ben Chat", WAIT);
            assertNotNull(typing);
            benSocket.send(Map.of("type", "leave", "roomId", classId));
            assertNotNull(anaSocket.await(f -> f.path("type").asText().equals("presence") && f.path("online").size() == 1, WAIT),
                    "Ana saw Ben leave");
            assertTrue(benSocket.received().stream().noneMatch(f -> f.path("type").asText().equals("typing")),
                    "nobody is told of their own typing");
        }
    }

    @Test
    void shouldPageHistoryAndLetOnlyTheTeacherDelete() throws Exception {
        try (WsClient anaSocket = WsClient.connect(system.url("notification-service"), ana.accessToken());
             WsClient benSocket = WsClient.connect(system.url(second), ben.accessToken())) {
            join(anaSocket, classId);
            join(benSocket, classId);
            List<Integer> ids = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                anaSocket.send(Map.of("type", "send", "roomId", classId, "body", "page message " + i, "ref", "p" + i));
                String ref = "p" + i;
                ids.add(anaSocket.await(f -> f.path("type").asText().equals("sent") && f.path("ref").asText().equals(ref), WAIT)
                        .path("messageId").asInt());
            }
            List<String> bodies = new ArrayList<>();
            String before = null;
            do {
                Map<String, Object> request = new java.util.HashMap<>(Map.of("type", "history", "roomId", classId, "limit", 2,
                        "ref", "h" + bodies.size()));
                if (before != null) {
                    request.put("before", before);
                }
                benSocket.send(request);
                String ref = "h" + bodies.size();
                JsonNode page = benSocket.await(f -> f.path("type").asText().equals("history") && f.path("ref").asText().equals(ref), WAIT);
                page.path("items").forEach(item -> bodies.add(item.path("body").asText()));
                before = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
            } while (before != null && bodies.size() < 5);
            assertEquals(List.of("page message 5", "page message 4", "page message 3", "page message 2", "page message 1"), bodies);

            int victim = ids.get(2);
            anaSocket.send(Map.of("type", "delete", "roomId", classId, "messageId", victim, "ref", "d"));
            assertEquals("FORBIDDEN", errorCode(anaSocket, "d"));
            school.as(teacher, "notification-service").delete("/api/v1/chat/rooms/" + classId + "/messages/" + victim)
                    .then().statusCode(204);
            assertNotNull(benSocket.await(f -> f.path("type").asText().equals("deleted") && f.path("messageId").asInt() == victim, WAIT));
            assertNotNull(anaSocket.await(f -> f.path("type").asText().equals("deleted") && f.path("messageId").asInt() == victim, WAIT));
            school.as(ana, "notification-service").queryParam("size", 100).get("/api/v1/chat/rooms/" + classId + "/messages").then()
                    .body("items.find { it.id == " + victim + " }.deleted", equalTo(true))
                    .body("items.find { it.id == " + victim + " }.body", org.hamcrest.Matchers.nullValue());
        }
    }

    @Test
    void shouldLetATeacherOpenAndCloseAStudyRoomForTheClass() throws Exception {
        String roomId = school.as(teacher, "notification-service").body(Map.of("classId", classId, "name", "Exam prep"))
                .post("/api/v1/chat/rooms").then().statusCode(201).body("kind", equalTo("STUDY")).extract().path("id");
        school.as(ana, "notification-service").body(Map.of("classId", classId, "name", "Mine")).post("/api/v1/chat/rooms")
                .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        school.as(ana, "notification-service").get("/api/v1/chat/rooms").then().statusCode(200)
                .body("items.id", hasItems(classId, roomId));
        school.as(outsider, "notification-service").get("/api/v1/chat/rooms").then().body("items.size()", equalTo(0));
        school.as(teacher, "notification-service").delete("/api/v1/chat/rooms/" + classId).then().statusCode(409)
                .body("code", equalTo("CONFLICT"));

        try (WsClient anaSocket = WsClient.connect(system.url(second), ana.accessToken());
             WsClient outsiderSocket = WsClient.connect(system.url("notification-service"), outsider.accessToken())) {
            join(anaSocket, roomId);
            outsiderSocket.send(Map.of("type", "join", "roomId", roomId, "ref", "x"));
            assertEquals("FORBIDDEN", errorCode(outsiderSocket, "x"));
            int limit = 30;
            for (int i = 1; i <= limit; i++) {
                anaSocket.send(Map.of("type", "send", "roomId", roomId, "body", "flood " + i));
            }
            anaSocket.send(Map.of("type", "send", "roomId", roomId, "body", "one too many", "ref", "flood"));
            assertEquals("RATE_LIMITED", errorCode(anaSocket, "flood"));

            school.as(teacher, "notification-service").delete("/api/v1/chat/rooms/" + roomId).then().statusCode(204);
            assertNotNull(anaSocket.await(f -> f.path("type").asText().equals("closed"), WAIT), "Ana was told the room closed");
            anaSocket.send(Map.of("type", "join", "roomId", roomId, "ref", "again"));
            assertEquals("CONFLICT", errorCode(anaSocket, "again"));
        }
    }

    /** Joins a room and returns the {@code joined} frame. */
    private static JsonNode join(WsClient socket, String roomId) throws Exception {
        socket.send(Map.of("type", "join", "roomId", roomId, "ref", "join-" + roomId));
        JsonNode joined = socket.await(f -> f.path("ref").asText().equals("join-" + roomId), WAIT);
        assertNotNull(joined, socket.received().toString());
        assertEquals("joined", joined.path("type").asText(), joined.toString());
        return joined;
    }

    private static String errorCode(WsClient socket, String ref) throws InterruptedException {
        JsonNode error = socket.await(f -> f.path("type").asText().equals("error") && f.path("ref").asText().equals(ref), WAIT);
        assertNotNull(error, "no error for " + ref + ": " + socket.received());
        return error.path("code").asText();
    }
}
