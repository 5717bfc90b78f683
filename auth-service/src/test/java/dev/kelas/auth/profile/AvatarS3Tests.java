package dev.kelas.auth.profile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kelas.auth.testing.AuthTestEnvironment;
import dev.kelas.runtime.storage.FileStorage;
import dev.kelas.runtime.storage.S3Storage;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The avatar path with {@code kelas.auth.storage.kind=s3} against a real S3-compatible server on loopback (Ceph's
 * radosgw on a one-OSD memstore cluster, scripts/s3_server.sh; not a fake): the resized image is stored as an
 * object, served back, replaced (the old object deleted) and removed.
 */
@QuarkusTest
@QuarkusTestResource(value = AuthTestEnvironment.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "storage", value = "s3"))
class AvatarS3Tests {
    @Inject
    FileStorage storage;

    @Test
    void shouldStoreServeReplaceAndRemoveAvatarsInTheBucket() throws Exception {
        assertInstanceOf(S3Storage.class, ClientProxy.unwrap(storage));
        ProfileTests.School school = ProfileTests.school();
        String url = ProfileTests.putAvatar(school.teacherToken(), "image/jpeg", ProfileTests.image("jpeg", 1200, 700))
                .then().statusCode(200).extract().path("avatarUrl");
        String key = avatarKey(school.teacherId());
        BufferedImage object = ImageIO.read(new ByteArrayInputStream(storage.get(key)));
        assertEquals(256, object.getWidth());
        assertEquals(256, object.getHeight());

        Response served = given().auth().oauth2(school.adminToken()).get(url);
        served.then().statusCode(200).contentType("image/jpeg");
        assertEquals(256, ImageIO.read(new ByteArrayInputStream(served.asByteArray())).getHeight());

        ProfileTests.putAvatar(school.teacherToken(), "image/png", ProfileTests.image("png", 100, 100)).then().statusCode(200);
        assertThrows(FileNotFoundException.class, () -> storage.get(key), "the replaced object is deleted");
        String second = avatarKey(school.teacherId());
        given().auth().oauth2(school.teacherToken()).delete("/api/v1/auth/me/avatar").then().statusCode(204);
        assertThrows(FileNotFoundException.class, () -> storage.get(second));
        given().auth().oauth2(school.adminToken()).get("/api/v1/users/" + school.teacherId() + "/avatar").then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
    }

    private static String avatarKey(UUID userId) throws Exception {
        try (Connection c = ProfileTests.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("select avatar_key from app_user where id = ?")) {
            s.setObject(1, userId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }
}
