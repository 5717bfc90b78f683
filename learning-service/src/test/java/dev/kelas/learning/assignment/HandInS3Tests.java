package dev.kelas.learning.assignment;

import static dev.kelas.learning.testing.TestSchool.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.kelas.learning.testing.LearningTestEnvironment;
import dev.kelas.learning.testing.TestSchool;
import dev.kelas.learning.testing.TestSchool.Person;
import dev.kelas.runtime.storage.FileStorage;
import dev.kelas.runtime.storage.S3Storage;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * FILE hand-ins through learning-service's API with {@code kelas.learning.storage.kind=s3}, against a real
 * S3-compatible server on loopback (Ceph's radosgw on a one-OSD memstore cluster, scripts/s3_server.sh; not a
 * fake): the upload becomes an object under its storage key, the download is its bytes, a refused upload leaves
 * no object behind.
 */
@QuarkusTest
@QuarkusTestResource(value = LearningTestEnvironment.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "storage", value = "s3"))
class HandInS3Tests {
    @Inject
    FileStorage storage;

    @Test
    void shouldKeepAHandInAsAnObjectAndServeItBack() throws Exception {
        S3Storage s3 = assertInstanceOf(S3Storage.class, ClientProxy.unwrap(storage));
        TestSchool school = TestSchool.create();
        TestSchool.Classroom classroom = school.classroom("Sri Storage", "Objects", "Oki Object");
        Person teacher = classroom.teacher();
        Person student = classroom.students().get(0);
        String assignment = school.createAssignment(teacher, classroom.classId(), Map.of("kind", "FILE"));
        byte[] pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

        String submissionId = given().header("Authorization", "Bearer " + student.token())
                .multiPart("file", "essay.pdf", pdf, "application/pdf")
                .post("/api/v1/assignments/" + assignment + "/submissions").then().statusCode(201).extract().path("id");
        String key = storageKey(UUID.fromString(submissionId));
        assertArrayEquals(pdf, s3.client().getObjectAsBytes(b -> b.bucket(LearningTestEnvironment.BUCKET).key(key)).asByteArray());
        assertEquals("application/pdf", s3.client().headObject(b -> b.bucket(LearningTestEnvironment.BUCKET).key(key)).contentType());
        assertArrayEquals(pdf, as(teacher).get("/api/v1/submissions/" + submissionId + "/file").then().statusCode(200)
                .header("Content-Type", "application/pdf").extract().asByteArray());

        long objects = objects(s3);
        given().header("Authorization", "Bearer " + student.token())
                .multiPart("file", "fake.png", "<html>not a picture</html>".getBytes(), "image/png")
                .post("/api/v1/assignments/" + assignment + "/submissions").then().statusCode(422).body("code", equalTo("VALIDATION_ERROR"));
        assertEquals(objects, objects(s3), "a refused hand-in leaves no object");
    }

    private static long objects(S3Storage s3) {
        return s3.client().listObjectsV2(b -> b.bucket(LearningTestEnvironment.BUCKET)).keyCount();
    }

    private static String storageKey(UUID submissionId) throws Exception {
        try (Connection c = DriverManager.getConnection(LearningTestEnvironment.jdbcUrl());
             PreparedStatement s = c.prepareStatement("select f.storage_key from submission s join stored_file f on f.id = s.file_id where s.id = ?")) {
            s.setObject(1, submissionId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }
}
