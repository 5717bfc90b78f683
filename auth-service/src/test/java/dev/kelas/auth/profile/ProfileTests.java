package dev.kelas.auth.profile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kelas.auth.testing.AuthTestEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The caller's own profile: name, preferred language and time zone edits (each bad field a 422 naming it, nothing
 * written), and the avatar: accepted and resized (the stored image is decoded and measured), served with its type
 * and caching headers, refused for a wrong type, content that is not the type claimed, or too many bytes; removed.
 * Avatars go to the filesystem storage here; {@link AvatarS3Tests} runs the avatar path against a real S3 server.
 */
@QuarkusTest
@QuarkusTestResource(value = AuthTestEnvironment.class, restrictToAnnotatedClass = true)
class ProfileTests {
    static final String PASSWORD = "a-long-test-password-" + UUID.randomUUID();

    /** A school's admin and a teacher, logged in. */
    record School(String slug, UUID adminId, String adminToken, UUID teacherId, String teacherToken) {
    }

    static School school() {
        String slug = "p-" + UUID.randomUUID().toString().substring(0, 8);
        String adminEmail = "admin@" + slug + ".test";
        given().contentType(ContentType.JSON).body(Map.of("name", "School " + slug, "slug", slug,
                        "admin", Map.of("email", adminEmail, "password", PASSWORD, "name", "Ada Admin")))
                .post("/api/v1/tenants").then().statusCode(201);
        String admin = login(slug, adminEmail);
        String teacherEmail = "teacher@" + slug + ".test";
        String teacherId = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("email", teacherEmail, "name", "Tomas Teacher", "role", "TEACHER", "password", PASSWORD))
                .post("/api/v1/users").then().statusCode(201).extract().path("id");
        String adminId = given().auth().oauth2(admin).get("/api/v1/auth/me").then().statusCode(200).extract().path("id");
        return new School(slug, UUID.fromString(adminId), admin, UUID.fromString(teacherId), login(slug, teacherEmail));
    }

    static String login(String slug, String email) {
        return given().contentType(ContentType.JSON).body(Map.of("tenant", slug, "email", email, "password", PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("accessToken");
    }

    static byte[] image(String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLUE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, format, out));
        return out.toByteArray();
    }

    /** A 400x300 lossy WebP (cwebp -q 80): orange with a blue 100x100 square in the middle. */
    static byte[] webp() throws IOException {
        try (var in = ProfileTests.class.getResourceAsStream("/avatars/orange-400x300.webp")) {
            return in.readAllBytes();
        }
    }

    static Response putAvatar(String token, String contentType, byte[] body) {
        return given().auth().oauth2(token).contentType(contentType).body(body).put("/api/v1/auth/me/avatar");
    }

    private static Response patch(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).patch("/api/v1/auth/me");
    }

    @Test
    void shouldChangeOwnNameLanguageAndTimeZoneAndPublishUserUpdated() throws Exception {
        School school = school();
        patch(school.teacherToken(), Map.of("name", "  Tomás Guru ", "preferredLanguage", "id-id", "timeZone", "Asia/Jakarta"))
                .then().statusCode(200).body("name", equalTo("Tomás Guru")).body("preferredLanguage", equalTo("id-ID"))
                .body("timeZone", equalTo("Asia/Jakarta")).body("avatarUrl", nullValue());
        given().auth().oauth2(school.teacherToken()).get("/api/v1/auth/me").then().statusCode(200)
                .body("name", equalTo("Tomás Guru")).body("preferredLanguage", equalTo("id-ID")).body("timeZone", equalTo("Asia/Jakarta"));

        List<Map<String, String>> events = events(school.teacherId());
        assertEquals(1, events.size(), events.toString());
        assertEquals("kelas.auth.user.updated", events.get(0).get("type"));
        assertTrue(events.get(0).get("payload").contains("\"preferredLanguage\": \"id-ID\""), events.get(0).get("payload"));
        assertTrue(events.get(0).get("payload").contains("\"name\": \"Tomás Guru\""), events.get(0).get("payload"));

        // Clearing: empty strings; absent fields stay; nothing new is published for no change.
        Map<String, Object> clear = new HashMap<>();
        clear.put("preferredLanguage", "");
        patch(school.teacherToken(), clear).then().statusCode(200).body("preferredLanguage", nullValue())
                .body("timeZone", equalTo("Asia/Jakarta")).body("name", equalTo("Tomás Guru"));
        patch(school.teacherToken(), Map.of("timeZone", "Asia/Jakarta")).then().statusCode(200);
        assertEquals(2, events(school.teacherId()).size());
    }

    @Test
    void shouldRefuseABadTimeZoneLanguageAndNameWith422PerFieldAndWriteNothing() throws Exception {
        School school = school();
        patch(school.teacherToken(), Map.of("timeZone", "Mars/Olympus_Mons")).then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("VALIDATION_ERROR"))
                .body("errors.field", containsInAnyOrder("timeZone"));
        patch(school.teacherToken(), Map.of("timeZone", "+07:00")).then().statusCode(422).body("errors.field", containsInAnyOrder("timeZone"));
        patch(school.teacherToken(), Map.of("preferredLanguage", "en_GB!")).then().statusCode(422)
                .body("code", equalTo("VALIDATION_ERROR")).body("errors.field", containsInAnyOrder("preferredLanguage"));
        patch(school.teacherToken(), Map.of("preferredLanguage", "qq")).then().statusCode(422)
                .body("errors.field", containsInAnyOrder("preferredLanguage"));
        patch(school.teacherToken(), Map.of("name", "Ok Name", "preferredLanguage", "not a tag", "timeZone", "Nowhere", "x", 1))
                .then().statusCode(422).body("errors.field", containsInAnyOrder("preferredLanguage", "timeZone"));
        patch(school.teacherToken(), Map.of("name", "   ")).then().statusCode(422).body("errors.field", containsInAnyOrder("name"));

        given().auth().oauth2(school.teacherToken()).get("/api/v1/auth/me").then().statusCode(200)
                .body("name", equalTo("Tomas Teacher")).body("preferredLanguage", nullValue()).body("timeZone", nullValue());
        assertEquals(List.of(), events(school.teacherId()));
    }

    @Test
    void shouldResizeAnAcceptedAvatarAndServeItWithCachingHeaders() throws Exception {
        School school = school();
        String url = putAvatar(school.teacherToken(), "image/png", image("png", 800, 600)).then().statusCode(200)
                .body("avatarUrl", startsWith("/api/v1/users/" + school.teacherId() + "/avatar?v=")).extract().path("avatarUrl");

        Response served = given().auth().oauth2(school.adminToken()).get(url);
        served.then().statusCode(200).contentType("image/png").header("Cache-Control", equalTo("private, max-age=86400"));
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(served.asByteArray()));
        assertEquals(256, stored.getWidth());
        assertEquals(256, stored.getHeight());
        assertEquals(Color.BLUE.getRGB(), stored.getRGB(128, 128), "the centre square is kept");
        String etag = served.header("ETag");
        given().auth().oauth2(school.adminToken()).header("If-None-Match", etag).get(url).then().statusCode(304);

        // A JPEG replaces it: a new URL, JPEG served, the old file gone from the storage.
        String second = putAvatar(school.teacherToken(), "image/jpeg", image("jpeg", 300, 900)).then().statusCode(200)
                .extract().path("avatarUrl");
        assertNotEquals(url, second);
        Response jpeg = given().auth().oauth2(school.teacherToken()).get(second);
        jpeg.then().statusCode(200).contentType("image/jpeg");
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(jpeg.asByteArray()));
        assertEquals(256, decoded.getWidth());
        assertEquals(256, decoded.getHeight());
        given().auth().oauth2(school.adminToken()).header("If-None-Match", etag).get(second).then().statusCode(200);

        // A WebP is read (TwelveMonkeys) and kept as PNG; here from a form (multipart part "avatar").
        String third = given().auth().oauth2(school.teacherToken()).multiPart("avatar", "me.webp", webp(), "image/webp")
                .put("/api/v1/auth/me/avatar").then().statusCode(200).extract().path("avatarUrl");
        Response fromWebp = given().auth().oauth2(school.teacherToken()).get(third);
        fromWebp.then().statusCode(200).contentType("image/png");
        BufferedImage kept = ImageIO.read(new ByteArrayInputStream(fromWebp.asByteArray()));
        assertEquals(256, kept.getWidth());
        assertEquals(256, kept.getHeight());
        Color centre = new Color(kept.getRGB(128, 128));
        assertTrue(centre.getBlue() > 200 && centre.getRed() < 60, "the WebP's blue centre is kept: " + centre);

        given().auth().oauth2(school.teacherToken()).delete("/api/v1/auth/me/avatar").then().statusCode(204);
        given().auth().oauth2(school.adminToken()).get(third).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        given().auth().oauth2(school.teacherToken()).get("/api/v1/auth/me").then().body("avatarUrl", nullValue());
        given().auth().oauth2(school.teacherToken()).delete("/api/v1/auth/me/avatar").then().statusCode(204);
    }

    @Test
    void shouldRefuseAWrongTypeContentThatIsNotTheTypeAndTooManyBytes() throws Exception {
        School school = school();
        putAvatar(school.teacherToken(), "image/gif", image("gif", 50, 50)).then().statusCode(415)
                .contentType("application/problem+json").body("code", equalTo("AVATAR_TYPE_UNSUPPORTED"));
        putAvatar(school.teacherToken(), "application/pdf", "%PDF-1.7".getBytes()).then().statusCode(415)
                .body("code", equalTo("AVATAR_TYPE_UNSUPPORTED"));
        putAvatar(school.teacherToken(), "image/png", image("jpeg", 64, 64)).then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("AVATAR_UNREADABLE"));
        putAvatar(school.teacherToken(), "image/png", webp()).then().statusCode(422).body("code", equalTo("AVATAR_UNREADABLE"))
                .body("detail", equalTo("The avatar is a WEBP image, not PNG as its Content-Type says"));
        putAvatar(school.teacherToken(), "image/webp", image("png", 16, 16)).then().statusCode(422).body("code", equalTo("AVATAR_UNREADABLE"));
        putAvatar(school.teacherToken(), "image/jpeg", "<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes()).then().statusCode(422)
                .body("code", equalTo("AVATAR_UNREADABLE"));
        byte[] png = image("png", 32, 32);
        putAvatar(school.teacherToken(), "image/png", java.util.Arrays.copyOf(png, png.length / 2)).then().statusCode(422)
                .body("code", equalTo("AVATAR_UNREADABLE"));
        given().auth().oauth2(school.teacherToken()).multiPart("picture", "me.png", png, "image/png").put("/api/v1/auth/me/avatar")
                .then().statusCode(422).body("code", equalTo("VALIDATION_ERROR")).body("errors.field", containsInAnyOrder("avatar"));
        given().auth().oauth2(school.teacherToken()).multiPart("avatar", "me.gif", image("gif", 20, 20), "image/gif")
                .put("/api/v1/auth/me/avatar").then().statusCode(415).body("code", equalTo("AVATAR_TYPE_UNSUPPORTED"));
        byte[] tooBig = new byte[2 * 1024 * 1024 + 1];
        System.arraycopy(png, 0, tooBig, 0, png.length);
        putAvatar(school.teacherToken(), "image/png", tooBig).then().statusCode(413)
                .contentType("application/problem+json").body("code", equalTo("AVATAR_TOO_LARGE"));
        given().auth().oauth2(school.teacherToken()).multiPart("avatar", "big.png", tooBig, "image/png").put("/api/v1/auth/me/avatar")
                .then().statusCode(413).body("code", equalTo("AVATAR_TOO_LARGE"));

        given().auth().oauth2(school.teacherToken()).get("/api/v1/auth/me").then().body("avatarUrl", nullValue());
        given().auth().oauth2(school.adminToken()).get("/api/v1/users/" + school.teacherId() + "/avatar").then().statusCode(404);
        assertEquals(0, avatarAudit(school.teacherId()));
    }

    @Test
    void shouldHideAnotherSchoolsAvatars() throws Exception {
        School one = school();
        School two = school();
        putAvatar(one.teacherToken(), "image/png", image("png", 64, 64)).then().statusCode(200);
        given().auth().oauth2(one.adminToken()).get("/api/v1/users/" + one.teacherId() + "/avatar").then().statusCode(200);
        given().auth().oauth2(two.adminToken()).get("/api/v1/users/" + one.teacherId() + "/avatar").then().statusCode(404);
        given().get("/api/v1/users/" + one.teacherId() + "/avatar").then().statusCode(401);
    }

    @Test
    void shouldKeepOneFileWhenAvatarsArriveTogether() throws Exception {
        School school = school();
        String tenantId = given().auth().oauth2(school.teacherToken()).get("/api/v1/auth/me").then().extract().path("tenantId");
        byte[] png = image("png", 300, 300);
        List<java.util.concurrent.CompletableFuture<Integer>> uploads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            uploads.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> putAvatar(school.teacherToken(), "image/png", png).statusCode()));
        }
        for (var upload : uploads) {
            assertEquals(200, upload.get());
        }
        java.nio.file.Path dir = java.nio.file.Path.of(ConfigProvider.getConfig().getValue("kelas.auth.storage.root", String.class),
                "avatars", tenantId, school.teacherId().toString());
        try (var files = java.nio.file.Files.list(dir)) {
            assertEquals(1, files.count(), "only the avatar the row names is kept");
        }
        given().auth().oauth2(school.adminToken()).get("/api/v1/users/" + school.teacherId() + "/avatar").then().statusCode(200);
    }

    static List<Map<String, String>> events(UUID userId) throws Exception {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Connection c = dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "select type, payload::text from outbox_event where aggregate_id = ? and type like 'kelas.auth.user.updated' order by occurred_at")) {
            s.setString(1, userId.toString());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(Map.of("type", r.getString(1), "payload", r.getString(2)));
                }
            }
        }
        return rows;
    }

    private static int avatarAudit(UUID userId) throws Exception {
        try (Connection c = dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "select count(*) from audit_log where target_id = ? and action like 'user.avatar%'")) {
            s.setObject(1, userId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    static PGSimpleDataSource dataSource() {
        var config = ConfigProvider.getConfig();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(config.getValue("quarkus.datasource.jdbc.url", String.class));
        dataSource.setUser(config.getValue("quarkus.datasource.username", String.class));
        return dataSource;
    }
}
