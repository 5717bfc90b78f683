package dev.kelas.learning.discussion;

import static dev.kelas.learning.testing.TestSchool.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kelas.contracts.Role;
import dev.kelas.learning.testing.LearningTestEnvironment;
import dev.kelas.learning.testing.TestSchool;
import dev.kelas.learning.testing.TestSchool.Person;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Class discussion: membership, nesting, edit window, lock, moderation, pin order, read state, search, rate limit. */
@QuarkusTest
@WithTestResource(LearningTestEnvironment.class)
class DiscussionTests {
    TestSchool school;
    Person ana;
    Person sam;
    Person sue;
    String classId;

    @BeforeEach
    void setUp() {
        school = TestSchool.create();
        school.createTerm("2026/2027", 1, true);
        TestSchool.Classroom room = school.classroom("Ana Algebra", "7A", "Sam Student", "Sue Student");
        ana = room.teacher();
        sam = room.students().get(0);
        sue = room.students().get(1);
        classId = room.classId();
    }

    @Test
    void shouldLetOnlyMembersOfTheClassReadAndWrite() {
        String thread = open(sam, "Question on fractions").then().statusCode(201).extract().path("id");
        Person outsider = school.user(Role.STUDENT, "Olga Outsider");
        open(outsider, "Hi").then().statusCode(403);
        as(outsider).get("/api/v1/discussion/threads/" + thread).then().statusCode(403);
        TestSchool other = TestSchool.create();
        as(other.admin).get("/api/v1/discussion/threads/" + thread).then().statusCode(404);
        as(sue).get("/api/v1/discussion/threads/" + thread).then().statusCode(200).body("thread.title", equalTo("Question on fractions"));
        assertEquals(1, TestSchool.count("select count(*) from outbox_event where type = ? and aggregate_id = ?",
                "kelas.learning.discussion.thread-created", thread));
    }

    @Test
    void shouldNestRepliesOneLevelAndQuoteANestedReply() {
        String thread = open(sam, "Homework 3").then().statusCode(201).extract().path("id");
        String first = reply(sue, thread, "I got 7/8", null).then().statusCode(201).body("parentId", nullValue()).extract().path("id");
        String nested = reply(ana, thread, "Check step 2", first).then().statusCode(201).body("parentId", equalTo(first))
                .extract().path("id");
        reply(sam, thread, "Thanks!", nested).then().statusCode(201).body("parentId", equalTo(first)).body("quotedReplyId", equalTo(nested));

        as(sam).get("/api/v1/discussion/threads/" + thread).then().statusCode(200)
                .body("replies", hasSize(1)).body("replies[0].replies", hasSize(2)).body("thread.replyCount", equalTo(3));
        // The reply event names the thread's author and earlier repliers, not the poster.
        assertEquals(1, TestSchool.count("select count(*) from outbox_event where type = ? and payload->>'authorId' = ?"
                + " and jsonb_exists(payload->'participantIds', ?) and not jsonb_exists(payload->'participantIds', ?)",
                "kelas.learning.discussion.reply-posted", sam.sid(), sue.sid(), sam.sid()));
    }

    @Test
    void shouldRefuseRepliesToALockedThreadAndEditsAfterTheWindow() {
        String thread = open(sam, "Locked soon").then().statusCode(201).extract().path("id");
        String replyId = reply(sue, thread, "First", null).then().statusCode(201).extract().path("id");
        as(sam).body(Map.of("locked", true)).put("/api/v1/discussion/threads/" + thread + "/moderation").then().statusCode(403);
        as(ana).body(Map.of("locked", true)).put("/api/v1/discussion/threads/" + thread + "/moderation").then().statusCode(200)
                .body("locked", equalTo(true));
        reply(sue, thread, "Still there?", null).then().statusCode(409).body("code", equalTo("CONFLICT"));

        as(sue).body(Map.of("body", "First (edited)")).patch("/api/v1/discussion/replies/" + replyId).then().statusCode(200);
        as(sam).body(Map.of("body", "Not mine")).patch("/api/v1/discussion/replies/" + replyId).then().statusCode(403);
        TestSchool.update("update discussion_reply set created_at = created_at - interval '20 minutes' where id = ?", UUID.fromString(replyId));
        as(sue).body(Map.of("body", "Too late")).patch("/api/v1/discussion/replies/" + replyId).then().statusCode(409);
    }

    @Test
    void shouldLetTeachersModerateWithAReasonAndHideTheText() {
        String thread = open(sam, "Off topic").then().statusCode(201).extract().path("id");
        String replyId = reply(sue, thread, "Something rude", null).then().statusCode(201).extract().path("id");
        as(sam).delete("/api/v1/discussion/replies/" + replyId + "?reason=no").then().statusCode(403);
        as(ana).delete("/api/v1/discussion/replies/" + replyId).then().statusCode(422).body("errors[0].field", equalTo("reason"));
        as(ana).delete("/api/v1/discussion/replies/" + replyId + "?reason=Be kind").then().statusCode(200)
                .body("removed", equalTo(true)).body("body", nullValue()).body("removalReason", equalTo("Be kind"));
        as(sam).delete("/api/v1/discussion/threads/" + thread).then().statusCode(200).body("removed", equalTo(true));
        as(sue).get("/api/v1/classes/" + classId + "/discussion/threads").then().body("items", hasSize(0));
    }

    @Test
    void shouldListPinnedThenNewestActivityWithUnreadRepliesInCursorPages() {
        String a = open(sam, "Alpha").then().statusCode(201).extract().path("id");
        String b = open(sam, "Beta").then().statusCode(201).extract().path("id");
        String c = open(sam, "Gamma").then().statusCode(201).extract().path("id");
        as(ana).body(Map.of("pinned", true)).put("/api/v1/discussion/threads/" + a + "/moderation").then().statusCode(200);
        reply(sue, b, "Bump", null).then().statusCode(201);
        reply(ana, b, "Bump again", null).then().statusCode(201);

        Response first = as(sam).get("/api/v1/classes/" + classId + "/discussion/threads?size=2");
        first.then().statusCode(200).body("items.id", equalTo(List.of(a, b))).body("items[1].unreadReplies", equalTo(2))
                .body("nextCursor", notNullValue());
        as(sam).get("/api/v1/classes/" + classId + "/discussion/threads?size=2&cursor=" + first.path("nextCursor")).then()
                .body("items.id", equalTo(List.of(c))).body("nextCursor", nullValue());

        as(sam).post("/api/v1/discussion/threads/" + b + "/read").then().statusCode(204);
        as(sam).get("/api/v1/classes/" + classId + "/discussion/threads").then().body("items[1].unreadReplies", equalTo(0));
        as(sam).get("/api/v1/classes/" + classId + "/discussion/threads?cursor=garbage").then().statusCode(422);
    }

    @Test
    void shouldFindThreadsByWordsInTitleOrBody() {
        open(sam, "Photosynthesis question").then().statusCode(201);
        Map<String, Object> withBody = Map.of("title", "Lab report", "body", "How long does chlorophyll take?");
        as(sue).body(withBody).post("/api/v1/classes/" + classId + "/discussion/threads").then().statusCode(201);
        open(sue, "Trip").then().statusCode(201);
        as(ana).get("/api/v1/classes/" + classId + "/discussion/threads?q=chlorophyll").then().body("items.title", equalTo(List.of("Lab report")));
        as(ana).get("/api/v1/classes/" + classId + "/discussion/threads?q=photosynthesis").then()
                .body("items.title", equalTo(List.of("Photosynthesis question")));
    }

    @Test
    void shouldLimitPostsPerMinuteWithRetryAfter() {
        String thread = open(sam, "Spam").then().statusCode(201).extract().path("id");
        List<Integer> codes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            codes.add(reply(sam, thread, "post " + i, null).statusCode());
        }
        assertEquals(List.of(201, 201, 201, 201, 201, 201, 201, 201, 201, 429), codes);
        reply(sam, thread, "again", null).then().statusCode(429).body("code", equalTo("RATE_LIMITED")).header("Retry-After", notNullValue());
        reply(sue, thread, "someone else", null).then().statusCode(201);
    }

    @Test
    void shouldRenderRepliesWithoutScripts() {
        String thread = open(sam, "XSS").then().statusCode(201).extract().path("id");
        reply(sue, thread, "hi <script>alert(1)</script> [x](javascript:alert(2))", null).then().statusCode(201)
                .body("bodyHtml", equalTo("<p>hi  <a>x</a></p>"));
    }

    private Response open(Person author, String title) {
        return as(author).body(Map.of("title", title, "body", "What do you think about **" + title + "**?"))
                .post("/api/v1/classes/" + classId + "/discussion/threads");
    }

    private static Response reply(Person author, String thread, String body, String replyTo) {
        Map<String, Object> request = replyTo == null ? Map.of("body", body) : Map.of("body", body, "replyTo", replyTo);
        return as(author).body(request).post("/api/v1/discussion/threads/" + thread + "/replies");
    }
}
