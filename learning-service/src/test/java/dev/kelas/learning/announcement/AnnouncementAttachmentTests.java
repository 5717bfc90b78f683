package dev.kelas.learning.announcement;

import static dev.kelas.learning.testing.TestSchool.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kelas.learning.testing.LearningTestEnvironment;
import dev.kelas.learning.testing.TestSchool;
import dev.kelas.learning.testing.TestSchool.Person;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Files on announcements: checked and stored as hand-ins are, readable by the announcement's audience only,
 * attached and removed by its author or an administrator, gone with the announcement.
 */
@QuarkusTest
@WithTestResource(LearningTestEnvironment.class)
class AnnouncementAttachmentTests {
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    TestSchool school;
    Person ana;
    Person sam;
    Person otto;
    Person olga;
    String announcement;

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
        announcement = as(ana).body(Map.of("title", "Trip", "body", "Forms attached.", "audience", "CLASS", "classId", a.classId()))
                .post("/api/v1/announcements").then().statusCode(201).extract().path("id");
    }

    @Test
    void shouldLetTheClassDownloadTheAttachedFileUnchanged() {
        String fileId = attach(ana, "consent form.pdf", "application/pdf", PDF).then().statusCode(201)
                .body("fileName", equalTo("consent form.pdf")).body("sizeBytes", equalTo(PDF.length)).extract().path("id");

        as(sam).get("/api/v1/announcements/{id}/attachments", announcement).then().statusCode(200)
                .body("$", hasSize(1)).body("[0].id", equalTo(fileId)).body("[0].contentType", equalTo("application/pdf"));
        Response download = given().header("Authorization", "Bearer " + sam.token())
                .get("/api/v1/announcements/{id}/attachments/{file}", announcement, fileId);
        download.then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", "attachment; filename*=UTF-8''consent%20form.pdf");
        assertArrayEquals(PDF, download.asByteArray());

        as(olga).get("/api/v1/announcements/{id}/attachments", announcement).then().statusCode(404);
        given().header("Authorization", "Bearer " + olga.token())
                .get("/api/v1/announcements/{id}/attachments/{file}", announcement, fileId).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRefuseAFileThatIsNotWhatItsTypeSaysAndKeepNothing() {
        attach(ana, "form.pdf", "application/pdf", "MZ\u0090 not a pdf".getBytes(StandardCharsets.ISO_8859_1)).then()
                .statusCode(422).contentType("application/problem+json").body("code", equalTo("VALIDATION_ERROR"));
        attach(ana, "tool.exe", "application/x-msdownload", PDF).then().statusCode(422);
        as(ana).get("/api/v1/announcements/{id}/attachments", announcement).then().statusCode(200).body("$", hasSize(0));
        assertEquals(0, TestSchool.count("select count(*) from stored_file where tenant_id = ?", school.tenantId));
    }

    @Test
    void shouldLetOnlyTheAuthorOrAnAdministratorAttachAndRemove() {
        attach(otto, "form.pdf", "application/pdf", PDF).then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        attach(sam, "form.pdf", "application/pdf", PDF).then().statusCode(403);
        String fileId = attach(school.admin, "form.pdf", "application/pdf", PDF).then().statusCode(201).extract().path("id");
        as(otto).delete("/api/v1/announcements/{id}/attachments/{file}", announcement, fileId).then().statusCode(403);
        as(ana).delete("/api/v1/announcements/{id}/attachments/{file}", announcement, fileId).then().statusCode(204);
        as(ana).delete("/api/v1/announcements/{id}/attachments/{file}", announcement, fileId).then().statusCode(404);
        assertEquals(0, TestSchool.count("select count(*) from stored_file where id = ?", UUID.fromString(fileId)));
    }

    @Test
    void shouldDeleteTheFilesWithTheAnnouncement() {
        String fileId = attach(ana, "form.pdf", "application/pdf", PDF).then().statusCode(201).extract().path("id");
        as(ana).delete("/api/v1/announcements/{id}", announcement).then().statusCode(204);
        assertEquals(0, TestSchool.count("select count(*) from announcement_attachment where id = ?", UUID.fromString(fileId)));
        assertEquals(0, TestSchool.count("select count(*) from stored_file where id = ?", UUID.fromString(fileId)));
    }

    private Response attach(Person who, String name, String type, byte[] content) {
        return given().header("Authorization", "Bearer " + who.token()).multiPart("file", name, content, type)
                .post("/api/v1/announcements/{id}/attachments", announcement);
    }
}
