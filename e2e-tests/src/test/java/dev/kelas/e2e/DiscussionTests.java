package dev.kelas.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Class discussion through the real services: a reply reaches the thread's author over SSE (stored, with an id)
 * and a classmate looking at the thread gets an unstored live update; a locked thread refuses replies; Markdown
 * comes back without scripts.
 */
class DiscussionTests {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static KelasSystem system;
    private static School school;
    private static School.Person teacher;
    private static School.Person dewi;
    private static School.Person rina;
    private static School.Person vina;
    private static String classId;

    @BeforeAll
    static void start() {
        system = KelasSystem.get();
        school = School.register(system, "Discussion School");
        teacher = school.createUser("TEACHER", "Guru Moderates");
        dewi = school.createUser("STUDENT", "Dewi Asks");
        rina = school.createUser("STUDENT", "Rina Answers");
        vina = school.createUser("STUDENT", "Vina Watches");
        classId = school.classKnownToNotifications(teacher, "Programming", 5, dewi, rina, vina);
    }

    private static String openThread(School.Person author, String title) {
        return school.as(author, "learning-service").body(Map.of("title", title, "body", "How do I *start*?"))
                .post("/api/v1/classes/{id}/discussion/threads", classId).then().statusCode(201).extract().path("id");
    }

    @Test
    void shouldNotifyTheAuthorOfAReplyAndSendALiveUpdateToAClassmateViewingTheThread() throws Exception {
        String thread = openThread(dewi, "Loops or recursion?");
        Awaitility.await().atMost(WAIT).until(() -> school.as(teacher, "notification-service").get("/api/v1/notifications")
                .jsonPath().getList("items.title").contains("New discussion: Loops or recursion?"));
        String stream = system.url("notification-service") + "/api/v1/notifications/stream";
        try (SseClient author = SseClient.connect(stream, Map.of("Authorization", "Bearer " + dewi.accessToken()));
             SseClient viewer = SseClient.connect(stream, Map.of("Authorization", "Bearer " + vina.accessToken()))) {
            school.as(rina, "learning-service").body(Map.of("body", "Loops first, then recursion."))
                    .post("/api/v1/discussion/threads/{id}/replies", thread).then().statusCode(201);

            SseClient.Event told = author.awaitEventContaining("New reply in: Loops or recursion?", WAIT);
            assertNotNull(told, "the thread's author was not told of the reply");
            assertEquals("kelas.learning.discussion.reply-posted", told.name());
            assertNotNull(told.id(), "a stored notification carries its number");

            SseClient.Event live = viewer.awaitEventContaining(thread, WAIT);
            assertNotNull(live, "the classmate viewing the thread got no live update");
            assertEquals("kelas.learning.discussion.reply-posted", live.name());
            assertNull(live.id(), "a live update is not stored and has no id to resume from");
        }
        school.as(vina, "notification-service").get("/api/v1/notifications").then().statusCode(200)
                .body("items.findAll { it.type == 'kelas.learning.discussion.reply-posted' }.size()", equalTo(0));
        school.as(rina, "notification-service").get("/api/v1/notifications").then().statusCode(200)
                .body("items.findAll { it.type == 'kelas.learning.discussion.reply-posted' }.size()", equalTo(0));
        school.as(dewi, "learning-service").get("/api/v1/classes/{id}/discussion/threads", classId).then().statusCode(200)
                .body("items.find { it.id == '" + thread + "' }.unreadReplies", equalTo(1));
    }

    @Test
    void shouldRefuseAReplyToALockedThread() {
        String thread = openThread(dewi, "Homework 3 deadline");
        school.as(teacher, "learning-service").body(Map.of("locked", true))
                .put("/api/v1/discussion/threads/{id}/moderation", thread).then().statusCode(200);
        school.as(rina, "learning-service").body(Map.of("body", "Can we have one more day?"))
                .post("/api/v1/discussion/threads/{id}/replies", thread).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("CONFLICT"));
        List<Object> replies = school.as(dewi, "learning-service").get("/api/v1/discussion/threads/{id}", thread)
                .then().statusCode(200).extract().path("replies");
        assertEquals(0, replies.size(), "the refused reply was stored");
    }

    @Test
    void shouldStripScriptsAndJavascriptLinksFromMarkdown() {
        String thread = school.as(dewi, "learning-service").body(Map.of("title", "Links",
                        "body", "See [this](javascript:alert(1)) <script>alert(2)</script><img src=x onerror=alert(3)> **ok**"))
                .post("/api/v1/classes/{id}/discussion/threads", classId).then().statusCode(201).extract().path("id");
        String html = school.as(rina, "learning-service").get("/api/v1/discussion/threads/{id}", thread).then().statusCode(200)
                .extract().path("thread.bodyHtml");
        assertNotNull(html);
        assertTrue(html.contains("<strong>ok</strong>"), html);
        assertTrue(!html.contains("<script") && !html.contains("javascript:") && !html.contains("onerror"), html);
    }
}
