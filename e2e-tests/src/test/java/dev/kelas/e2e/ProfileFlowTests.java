package dev.kelas.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A user's own profile as a frontend drives it, through the edge's one origin against the real services: the name,
 * language and time zone change (and the new name reaches learning-service's copy of users), an avatar is stored,
 * resized and served with its ETag (304 on a repeat), and an avatar with a wrong content type or bytes that are not
 * the image they claim to be is refused with problem+json, leaving the stored one as it was.
 */
class ProfileFlowTests {
    static KelasSystem system;
    static School school;
    static String edge;

    @BeforeAll
    static void setUp() throws Exception {
        system = KelasSystem.get();
        school = School.register(system, "Profile School");
        edge = system.edgeUrl();
    }

    private static byte[] png(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(width / 2, height / 2, 0xff0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void shouldEditTheProfileAndKeepOnlyARealAvatar() throws Exception {
        School.Person student = school.createUser("STUDENT", "Pat Profile");
        String bearer = "Bearer " + student.accessToken();
        given().baseUri(edge).header("Authorization", bearer).contentType("application/json")
                .body("{\"name\":\"Pat Renamed\",\"preferredLanguage\":\"id-ID\",\"timeZone\":\"Asia/Jakarta\"}")
                .patch("/api/v1/auth/me").then().statusCode(200)
                .body("name", equalTo("Pat Renamed")).body("preferredLanguage", equalTo("id-ID")).body("timeZone", equalTo("Asia/Jakarta"));
        given().baseUri(edge).header("Authorization", bearer).contentType("application/json").body("{\"timeZone\":\"Mars/Olympus\"}")
                .patch("/api/v1/auth/me").then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_ERROR")).body("errors[0].field", equalTo("timeZone"));
        Awaitility.await("the new name in learning-service").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> "Pat Renamed".equals(system.sqlValue("learning-service",
                        "select name from member where user_id = '" + student.id() + "'")));

        given().baseUri(edge).header("Authorization", bearer).contentType("image/png").body(png(600, 400))
                .put("/api/v1/auth/me/avatar").then().statusCode(200).body("avatarUrl", notNullValue());
        var served = given().baseUri(edge).header("Authorization", bearer).get("/api/v1/users/" + student.id() + "/avatar");
        served.then().statusCode(200).contentType("image/png");
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(served.asByteArray()));
        assertEquals(256, stored.getWidth());
        assertEquals(256, stored.getHeight());
        String etag = served.header("ETag");
        given().baseUri(edge).header("Authorization", bearer).header("If-None-Match", etag)
                .get("/api/v1/users/" + student.id() + "/avatar").then().statusCode(304);

        given().baseUri(edge).header("Authorization", bearer).contentType("image/gif").body(new byte[]{'G', 'I', 'F', '8', '9', 'a'})
                .put("/api/v1/auth/me/avatar").then().statusCode(415).contentType("application/problem+json")
                .body("code", equalTo("AVATAR_TYPE_UNSUPPORTED"));
        given().baseUri(edge).header("Authorization", bearer).contentType("image/jpeg").body(png(10, 10))
                .put("/api/v1/auth/me/avatar").then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("AVATAR_UNREADABLE"));
        given().baseUri(edge).header("Authorization", bearer).get("/api/v1/users/" + student.id() + "/avatar").then()
                .statusCode(200).header("ETag", equalTo(etag));
    }
}
