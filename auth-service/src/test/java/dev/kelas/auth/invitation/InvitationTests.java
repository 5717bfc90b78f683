package dev.kelas.auth.invitation;

import static dev.kelas.auth.testing.AuthSql.one;
import static dev.kelas.auth.testing.AuthSql.updateOne;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.kelas.auth.testing.AuthTestEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Invitations (issue 15): an administrator invites by e-mail (one, or a CSV list all or none), the invitee accepts once
 * with the token of the mailed link (here read from the outbox row of {@code kelas.auth.invitation.created}), and
 * every bad token (unknown, used, expired, revoked) is a 410 with its own code that creates nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = AuthTestEnvironment.class, restrictToAnnotatedClass = true)
class InvitationTests {
    private static final String PASSWORD = "a-long-test-password-" + UUID.randomUUID();
    private static final String INVITEE_PASSWORD = "invited-and-accepted-" + UUID.randomUUID();

    private record School(String slug, String accessToken) {
        RequestSpecification admin() {
            return given().auth().oauth2(accessToken);
        }

        String email(String local) {
            return local + "@" + slug + ".test";
        }
    }

    private static School school() {
        String slug = "i-" + UUID.randomUUID().toString().substring(0, 8);
        String email = "admin@" + slug + ".test";
        given().contentType(ContentType.JSON).body(Map.of("name", "School " + slug, "slug", slug,
                        "admin", Map.of("email", email, "password", PASSWORD, "name", "Ada Admin")))
                .post("/api/v1/tenants").then().statusCode(201);
        return new School(slug, login(slug, email, PASSWORD).then().statusCode(200).extract().path("accessToken"));
    }

    private static Response login(String slug, String email, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("tenant", slug, "email", email, "password", password))
                .post("/api/v1/auth/login");
    }

    private static String invite(School school, String email, String role) {
        return school.admin().contentType(ContentType.JSON).body(Map.of("email", email, "name", "Ivy Invitee", "role", role))
                .post("/api/v1/users/invitations").then().statusCode(201).body("status", equalTo("PENDING"))
                .body("email", equalTo(email)).extract().path("id");
    }

    private static Response accept(String token, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("token", token, "password", password))
                .post("/api/v1/auth/invitations/accept");
    }

    @Test
    void shouldCreateAVerifiedAccountFromAnAcceptedInvitationOnceAndLetItLogIn() {
        School school = school();
        String email = school.email("tia.teacher");
        String id = invite(school, email, "TEACHER");
        String token = latestToken(id);

        String access = accept(token, INVITEE_PASSWORD).then().statusCode(201).body("user.email", equalTo(email))
                .body("user.role", equalTo("TEACHER")).body("accessToken", notNullValue()).body("tokenType", equalTo("Bearer"))
                .extract().path("accessToken");
        given().auth().oauth2(access).get("/api/v1/auth/me").then().statusCode(200).body("email", equalTo(email));
        login(school.slug(), email, INVITEE_PASSWORD).then().statusCode(200);
        String userId = (String) one("select id::text from app_user where email = ?", email);
        assertNotNull(one("select email_verified_at from app_user where email = ?", email), "the link proved the address");
        assertEquals(1L, one("select count(*) from outbox_event where type = 'kelas.auth.user.registered' and aggregate_id = ?", userId));
        school.admin().get("/api/v1/users/invitations").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].status", equalTo("ACCEPTED")).body("items[0].userId", equalTo(userId))
                .body("items[0].acceptedAt", notNullValue());

        accept(token, INVITEE_PASSWORD + "-again").then().statusCode(410).contentType("application/problem+json")
                .body("code", equalTo("INVITATION_USED"));
        assertEquals(1L, one("select count(*) from app_user where lower(email) = lower(?)", email));
        login(school.slug(), email, INVITEE_PASSWORD + "-again").then().statusCode(401);
    }

    @Test
    void shouldRefuseUnknownExpiredAndRevokedTokensAndCreateNothing() {
        School school = school();
        accept("no-such-token-" + UUID.randomUUID(), INVITEE_PASSWORD).then().statusCode(410)
                .contentType("application/problem+json").body("code", equalTo("INVITATION_INVALID"));

        String late = school.email("late");
        String expiring = invite(school, late, "STUDENT");
        updateOne("update invitation set expires_at = now() - interval '1 minute' where id = ?::uuid", expiring);
        accept(latestToken(expiring), INVITEE_PASSWORD).then().statusCode(410).body("code", equalTo("INVITATION_EXPIRED"));

        String revokedEmail = school.email("revoked");
        String revoked = invite(school, revokedEmail, "PARENT");
        school.admin().delete("/api/v1/users/invitations/{id}", revoked).then().statusCode(204);
        school.admin().delete("/api/v1/users/invitations/{id}", revoked).then().statusCode(204);
        accept(latestToken(revoked), INVITEE_PASSWORD).then().statusCode(410).body("code", equalTo("INVITATION_REVOKED"));

        String weak = school.email("weak");
        String weakId = invite(school, weak, "STUDENT");
        accept(latestToken(weakId), "password1").then().statusCode(422).body("code", equalTo("VALIDATION_ERROR"))
                .body("errors.field", hasItem("password"));

        for (String email : List.of(late, revokedEmail, weak)) {
            assertEquals(0L, one("select count(*) from app_user where lower(email) = lower(?)", email));
        }
        school.admin().get("/api/v1/users/invitations").then().statusCode(200)
                .body("items.find { it.id == '" + expiring + "' }.status", equalTo("EXPIRED"))
                .body("items.find { it.id == '" + revoked + "' }.status", equalTo("REVOKED"))
                .body("items.find { it.id == '" + weakId + "' }.status", equalTo("PENDING"));
    }

    @Test
    void shouldRefuseInvitingAnAccountOrAPendingInviteeButReplaceAnExpiredInvitation() {
        School school = school();
        school.admin().contentType(ContentType.JSON).body(Map.of("email", school.email("ADMIN"), "name", "Ada", "role", "TEACHER"))
                .post("/api/v1/users/invitations").then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("EMAIL_TAKEN"));

        String email = school.email("pending");
        String first = invite(school, email, "STUDENT");
        school.admin().contentType(ContentType.JSON).body(Map.of("email", email.toUpperCase(), "name", "Ivy", "role", "STUDENT"))
                .post("/api/v1/users/invitations").then().statusCode(409).body("code", equalTo("INVITATION_PENDING"));
        assertEquals(1L, one("select count(*) from invitation where lower(email) = lower(?)", email));

        updateOne("update invitation set expires_at = now() - interval '1 minute' where id = ?::uuid", first);
        String second = invite(school, email, "STUDENT");
        assertNotEquals(first, second);
        assertEquals("EXPIRED", one("select status from invitation where id = ?::uuid", first));
        accept(latestToken(second), INVITEE_PASSWORD).then().statusCode(201);
        accept(latestToken(first), INVITEE_PASSWORD).then().statusCode(410).body("code", equalTo("INVITATION_EXPIRED"));
    }

    @Test
    void shouldInviteACsvListAllOrNoneListingEveryBadRow() {
        School school = school();
        String pending = school.email("already.invited");
        invite(school, pending, "STUDENT");
        String header = "email,name,role\n";
        String good = school.email("sam.student") + ",Sam Student,student\n";
        String bad = "not-an-address,Nia,STUDENT\n"
                + school.email("rex") + ",Rex,JANITOR\n"
                + school.email("sam.student") + ",Sam Again,STUDENT\n"
                + school.email("admin") + ",Ada Again,ADMIN\n"
                + pending + ",Pia,STUDENT\n";
        school.admin().contentType("text/csv").body(header + good + bad).post("/api/v1/users/invitations").then()
                .statusCode(422).contentType("application/problem+json").body("code", equalTo("VALIDATION_ERROR"))
                .body("errors.index", equalTo(List.of(3, 4, 5, 6, 7)))
                .body("errors.field", equalTo(List.of("email", "role", "email", "email", "email")))
                .body("errors.code", equalTo(List.of("VALIDATION_ERROR", "VALIDATION_ERROR", "VALIDATION_ERROR", "EMAIL_TAKEN",
                        "INVITATION_PENDING")));
        assertEquals(1L, one("select count(*) from invitation i join tenant t on t.id = i.tenant_id where t.slug = ?", school.slug()));

        school.admin().contentType("text/csv").body("name,role\nx,STUDENT\n").post("/api/v1/users/invitations").then()
                .statusCode(422).body("errors[0].field", equalTo("file"));
        school.admin().contentType("text/csv").body(header + good + school.email("tom") + ",Tom Teacher,TEACHER\n")
                .post("/api/v1/users/invitations").then().statusCode(201).body("invited", equalTo(2))
                .body("items.status", equalTo(List.of("PENDING", "PENDING")));
        assertEquals(3L, one("select count(*) from invitation i join tenant t on t.id = i.tenant_id where t.slug = ?", school.slug()));
        assertEquals(3L, one("select count(*) from outbox_event o join tenant t on t.id = o.tenant_id"
                + " where t.slug = ? and o.type = 'kelas.auth.invitation.created'", school.slug()));
    }

    @Test
    void shouldResendWithAFreshLinkThatVoidsTheOldOne() {
        School school = school();
        String id = invite(school, school.email("resent"), "STUDENT");
        String old = latestToken(id);
        updateOne("update invitation set expires_at = now() - interval '1 minute' where id = ?::uuid", id);
        school.admin().post("/api/v1/users/invitations/{id}/resend", id).then().statusCode(200).body("status", equalTo("PENDING"));
        String fresh = latestToken(id);
        assertNotEquals(old, fresh);
        accept(old, INVITEE_PASSWORD).then().statusCode(410).body("code", equalTo("INVITATION_INVALID"));
        accept(fresh, INVITEE_PASSWORD).then().statusCode(201);
        school.admin().post("/api/v1/users/invitations/{id}/resend", id).then().statusCode(409).body("code", equalTo("CONFLICT"));
        school.admin().delete("/api/v1/users/invitations/{id}", id).then().statusCode(409);
    }

    @Test
    void shouldLetOnlyTheSchoolsAdministratorsManageInvitations() {
        School school = school();
        String id = invite(school, school.email("ours"), "TEACHER");
        String teacher = school.email("tess");
        school.admin().contentType(ContentType.JSON).body(Map.of("email", teacher, "name", "Tess", "role", "TEACHER", "password", PASSWORD))
                .post("/api/v1/users").then().statusCode(201);
        String teacherToken = login(school.slug(), teacher, PASSWORD).then().statusCode(200).extract().path("accessToken");
        given().auth().oauth2(teacherToken).get("/api/v1/users/invitations").then().statusCode(403);
        given().auth().oauth2(teacherToken).contentType(ContentType.JSON).body(Map.of("email", school.email("x"), "name", "X", "role", "STUDENT"))
                .post("/api/v1/users/invitations").then().statusCode(403);
        given().get("/api/v1/users/invitations").then().statusCode(401);

        School other = school();
        other.admin().delete("/api/v1/users/invitations/{id}", id).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        other.admin().post("/api/v1/users/invitations/{id}/resend", id).then().statusCode(404);
        other.admin().get("/api/v1/users/invitations").then().statusCode(200).body("total", equalTo(0));
    }

    /** The token of the invitation's latest mail, from its {@code kelas.auth.invitation.created} outbox row. */
    private static String latestToken(String invitationId) {
        return (String) one("select payload->>'token' from outbox_event where type = 'kelas.auth.invitation.created'"
                + " and aggregate_id = ? order by occurred_at desc limit 1", invitationId);
    }
}
