package dev.kelas.learning.announcement;

import static dev.kelas.learning.testing.TestSchool.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kelas.learning.testing.LearningTestEnvironment;
import dev.kelas.learning.testing.TestSchool;
import dev.kelas.learning.testing.TestSchool.Person;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Announcements: audiences, pin order, scheduling, expiry, read state, sanitised Markdown, who may write. */
@QuarkusTest
@WithTestResource(LearningTestEnvironment.class)
class AnnouncementTests {
    private static final String PUBLISHED = "kelas.learning.announcement.published";
    TestSchool school;
    Person ana;
    Person sam;
    Person otto;
    Person olga;
    String class7a;

    @BeforeEach
    void setUp() {
        school = TestSchool.create();
        school.createTerm("2026/2027", 1, true);
        TestSchool.Classroom a = school.classroom("Ana Algebra", "7A", "Sam Student");
        TestSchool.Classroom b = school.classroom("Otto Other", "7B", "Olga Other");
        ana = a.teacher();
        sam = a.students().get(0);
        otto = b.teacher();
        olga = b.students().get(0);
        class7a = a.classId();
    }

    @Test
    void shouldShowAClassAnnouncementOnlyToItsClassAndAnnounceIt() {
        String id = create(ana, announcement("Trip on Friday", "CLASS", class7a)).then().statusCode(201)
                .body("status", equalTo("PUBLISHED")).extract().path("id");

        as(sam).get("/api/v1/announcements").then().statusCode(200).body("items.id", equalTo(List.of(id))).body("unread", equalTo(1));
        as(olga).get("/api/v1/announcements").then().statusCode(200).body("total", equalTo(0));
        as(olga).get("/api/v1/announcements/" + id).then().statusCode(404);
        assertEquals(1, outboxRows(id));
    }

    @Test
    void shouldListPinnedFirstThenNewest() {
        String older = create(school.admin, announcement("Older", "SCHOOL", null)).then().statusCode(201).extract().path("id");
        Map<String, Object> pinned = announcement("Pinned", "SCHOOL", null);
        pinned.put("pinned", true);
        String pin = create(school.admin, pinned).then().statusCode(201).extract().path("id");
        String newer = create(school.admin, announcement("Newer", "SCHOOL", null)).then().statusCode(201).extract().path("id");
        Map<String, Object> teachers = announcement("Staff only", "ROLE", null);
        teachers.put("role", "TEACHER");
        String staff = create(school.admin, teachers).then().statusCode(201).extract().path("id");

        as(sam).get("/api/v1/announcements").then().body("items.id", equalTo(List.of(pin, newer, older)));
        as(ana).get("/api/v1/announcements").then().body("items.id", equalTo(List.of(pin, staff, newer, older)));
    }

    @Test
    void shouldPublishAScheduledAnnouncementWhenItsTimeComesOnce() {
        Map<String, Object> later = announcement("Exam timetable", "SCHOOL", null);
        later.put("publishAt", Instant.now().plusSeconds(2).toString());
        String id = create(school.admin, later).then().statusCode(201).body("status", equalTo("SCHEDULED")).extract().path("id");
        as(sam).get("/api/v1/announcements").then().body("total", equalTo(0));
        assertEquals(0, outboxRows(id));

        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() ->
                as(sam).get("/api/v1/announcements").then().extract().<List<String>>path("items.id").contains(id));
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> outboxRows(id) == 1);
    }

    @Test
    void shouldKeepDraftsOutOfTheFeedUntilPublished() {
        Map<String, Object> draft = announcement("Draft", "SCHOOL", null);
        draft.put("draft", true);
        String id = create(school.admin, draft).then().statusCode(201).body("status", equalTo("DRAFT")).extract().path("id");
        as(sam).get("/api/v1/announcements").then().body("total", equalTo(0));
        as(school.admin).get("/api/v1/announcements/drafts").then().body("id", equalTo(List.of(id)));

        as(school.admin).post("/api/v1/announcements/" + id + "/publish").then().statusCode(200).body("status", equalTo("PUBLISHED"));
        as(sam).get("/api/v1/announcements").then().body("items.id", equalTo(List.of(id)));
        assertEquals(1, outboxRows(id));
    }

    @Test
    void shouldHideExpiredAnnouncements() {
        String id = create(school.admin, announcement("Old news", "SCHOOL", null)).then().statusCode(201).extract().path("id");
        TestSchool.update("update announcement set expires_at = now() - interval '1 minute' where id = ?", UUID.fromString(id));
        as(sam).get("/api/v1/announcements").then().body("total", equalTo(0));
        as(sam).get("/api/v1/announcements/" + id).then().statusCode(404);
        Map<String, Object> backwards = announcement("Backwards", "SCHOOL", null);
        backwards.put("expiresAt", Instant.now().minusSeconds(60).toString());
        create(school.admin, backwards).then().statusCode(422).body("errors[0].field", equalTo("expiresAt"));
    }

    @Test
    void shouldCountUnreadUntilMarkedRead() {
        String first = create(school.admin, announcement("One", "SCHOOL", null)).then().statusCode(201).extract().path("id");
        create(school.admin, announcement("Two", "SCHOOL", null)).then().statusCode(201);
        as(sam).get("/api/v1/announcements/unread-count").then().body("unread", equalTo(2));

        as(sam).post("/api/v1/announcements/" + first + "/read").then().statusCode(204);
        as(sam).post("/api/v1/announcements/" + first + "/read").then().statusCode(204);
        as(sam).get("/api/v1/announcements/unread-count").then().body("unread", equalTo(1));
        as(sam).get("/api/v1/announcements").then().body("items.find { it.id == '" + first + "' }.read", equalTo(true));
        as(ana).get("/api/v1/announcements/unread-count").then().body("unread", equalTo(2));
    }

    @Test
    void shouldRenderMarkdownWithoutScriptsFramesOrHandlers() {
        String body = "**Bring** your _books_.\n\n<script>alert(1)</script>\n\n[click](javascript:alert(1))\n\n"
                + "<iframe src=\"https://evil.example\"></iframe>\n\n<img src=x onerror=alert(1)>\n\n[docs](https://kelas.dev)";
        Map<String, Object> request = announcement("Markdown", "SCHOOL", null);
        request.put("body", body);
        Response created = create(school.admin, request);
        created.then().statusCode(201).body("body", equalTo(body))
                .body("bodyHtml", containsString("<strong>Bring</strong>"))
                .body("bodyHtml", containsString("<a href=\"https://kelas.dev\""))
                .body("bodyHtml", not(containsString("alert(1)")));
        Document html = Jsoup.parseBodyFragment(created.path("bodyHtml"));
        assertTrue(html.select("script, iframe, style").isEmpty(), html.html());
        assertTrue(html.select("[href^=javascript]").isEmpty(), html.html());
        assertFalse(html.getAllElements().stream().anyMatch(e -> e.attributes().asList().stream().anyMatch(a -> a.getKey().startsWith("on"))),
                html.html());
    }

    @Test
    void shouldLetOnlyAdminsAddressTheSchoolAndTeachersTheirClasses() {
        create(ana, announcement("To all", "SCHOOL", null)).then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        create(ana, announcement("To 7B", "CLASS", school.createClass(otto, "7C"))).then().statusCode(403);
        create(sam, announcement("Hi", "CLASS", class7a)).then().statusCode(403);
        create(school.admin, announcement("No class", "CLASS", null)).then().statusCode(422).body("errors[0].field", equalTo("classId"));
        create(school.admin, announcement(" ", "SCHOOL", null)).then().statusCode(422).body("errors[0].field", equalTo("title"));
        assertEquals(0, TestSchool.count("select count(*) from announcement where tenant_id = ?", school.tenantId));
    }

    @Test
    void shouldAnnounceAnEditAgainOnlyWhenAskedAndRefuseStaleWrites() {
        Response created = create(ana, announcement("Homework", "CLASS", class7a));
        String id = created.path("id");
        as(ana).header("If-Match", "\"0\"").body(Map.of("title", "Homework (fixed)")).patch("/api/v1/announcements/" + id).then()
                .statusCode(200).header("ETag", "\"1\"");
        assertEquals(1, outboxRows(id));
        as(ana).body(Map.of("body", "New text", "announceAgain", true)).patch("/api/v1/announcements/" + id).then().statusCode(200);
        assertEquals(2, outboxRows(id));
        as(ana).header("If-Match", "\"0\"").body(Map.of("title", "Lost")).patch("/api/v1/announcements/" + id).then().statusCode(412)
                .body("code", equalTo("PRECONDITION_FAILED"));
        as(otto).body(Map.of("title", "Mine now")).patch("/api/v1/announcements/" + id).then().statusCode(403);
        as(ana).delete("/api/v1/announcements/" + id).then().statusCode(204);
        as(sam).get("/api/v1/announcements").then().body("total", equalTo(0));
        assertTrue(outboxRows(id) == 2, "a deletion announces nothing");
    }

    private long outboxRows(String id) {
        return TestSchool.count("select count(*) from outbox_event where type = ? and aggregate_id = ?", PUBLISHED, id);
    }

    private static Response create(Person author, Map<String, Object> announcement) {
        return as(author).body(announcement).post("/api/v1/announcements");
    }

    private static Map<String, Object> announcement(String title, String audience, String classId) {
        Map<String, Object> a = new HashMap<>(Map.of("title", title, "body", "Details for **" + title + "**", "audience", audience));
        if (classId != null) {
            a.put("classId", classId);
        }
        return a;
    }
}
