package dev.kelas.auth.registration;

import static dev.kelas.auth.testing.AuthSql.one;
import static dev.kelas.auth.testing.AuthSql.updateOne;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.kelas.auth.testing.AuthTestEnvironment;
import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.ClassJoinCodeChanged;
import dev.kelas.testing.EventPublisher;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Self-registration with a class join code (issue 15): the school's switch (off by default), join codes as
 * learning-service announces them ({@code kelas.learning.class.join-code-changed}, published here on the private
 * nats-server), a pending account that cannot log in until the mailed token (read from the outbox) verifies it, and
 * then {@code kelas.auth.user.registered} naming the class.
 */
@QuarkusTest
@QuarkusTestResource(value = AuthTestEnvironment.class, restrictToAnnotatedClass = true)
class SelfRegistrationTests {
    private static final String PASSWORD = "a-long-test-password-" + UUID.randomUUID();
    private static EventPublisher bus;

    private record School(String slug, String id, String accessToken) {
        String email(String local) {
            return local + "@" + slug + ".test";
        }
    }

    @BeforeAll
    static void connect() {
        bus = EventPublisher.connect(ConfigProvider.getConfig().getValue("kelas.nats.url", String.class));
    }

    @AfterAll
    static void disconnect() {
        bus.close();
    }

    private static School school() {
        String slug = "r-" + UUID.randomUUID().toString().substring(0, 8);
        String email = "admin@" + slug + ".test";
        String id = given().contentType(ContentType.JSON).body(Map.of("name", "School " + slug, "slug", slug,
                        "admin", Map.of("email", email, "password", PASSWORD, "name", "Ada Admin")))
                .post("/api/v1/tenants").then().statusCode(201).extract().path("id");
        return new School(slug, id, login(slug, email, PASSWORD).then().statusCode(200).extract().path("accessToken"));
    }

    private static Response login(String slug, String email, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("tenant", slug, "email", email, "password", password))
                .post("/api/v1/auth/login");
    }

    private static void allow(School school, boolean enabled) {
        given().auth().oauth2(school.accessToken()).contentType(ContentType.JSON).body(Map.of("enabled", enabled))
                .put("/api/v1/tenants/current/self-registration").then().statusCode(200).body("enabled", equalTo(enabled));
    }

    /** learning-service's announcement of a class's code (null: turned off); waits until auth-service holds it. */
    private static void joinCode(School school, UUID classId, String code) {
        bus.publish(Subjects.LEARNING_CLASS_JOIN_CODE_CHANGED, UUID.fromString(school.id()), classId.toString(),
                new ClassJoinCodeChanged(classId, UUID.fromString(school.id()), code, "7A", Instant.now()));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> code == null
                ? one("select count(*) from class_join_code where id = ?", classId).equals(0L)
                : code.equals(one("select code from class_join_code where id = ?", classId)));
    }

    private static Response register(School school, String code, String email) {
        Map<String, Object> body = new HashMap<>(Map.of("tenant", school.slug(), "joinCode", code, "email", email,
                "name", "Sid Self", "password", PASSWORD));
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/auth/self-registration");
    }

    @Test
    void shouldKeepTheAccountClosedUntilTheMailedTokenVerifiesItThenAnnounceItWithTheClass() {
        School school = school();
        allow(school, true);
        UUID classId = UUID.randomUUID();
        joinCode(school, classId, "JOIN7A23");
        String email = school.email("sid.self");

        register(school, "join7a23", email).then().statusCode(202);
        String userId = (String) one("select id::text from app_user where email = ?", email);
        assertNotNull(userId);
        login(school.slug(), email, PASSWORD).then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        assertEquals(0L, one("select count(*) from outbox_event where type = 'kelas.auth.user.registered' and aggregate_id = ?", userId));
        String token = (String) one("select payload->>'token' from outbox_event where type = 'kelas.auth.email-verification.requested'"
                + " and aggregate_id = ?", userId);

        given().contentType(ContentType.JSON).body(Map.of("token", token)).post("/api/v1/auth/verify-email").then().statusCode(204);
        login(school.slug(), email, PASSWORD).then().statusCode(200);
        assertNotNull(one("select email_verified_at from app_user where id = ?::uuid", userId));
        assertEquals(classId.toString(), one("select payload->>'joinClassId' from outbox_event"
                + " where type = 'kelas.auth.user.registered' and aggregate_id = ?", userId));
        given().contentType(ContentType.JSON).body(Map.of("token", token)).post("/api/v1/auth/verify-email").then().statusCode(410)
                .contentType("application/problem+json").body("code", equalTo("EMAIL_VERIFICATION_INVALID"));
        register(school, "JOIN7A23", email.toUpperCase()).then().statusCode(409).body("code", equalTo("EMAIL_TAKEN"));
    }

    @Test
    void shouldMailANewLinkThatReplacesTheLostOneAndTellNothingAboutOtherAddresses() {
        School school = school();
        allow(school, true);
        joinCode(school, UUID.randomUUID(), "RESEND23");
        String email = school.email("lost.mail");
        register(school, "RESEND23", email).then().statusCode(202);
        String userId = (String) one("select id::text from app_user where email = ?", email);
        String first = (String) one("select payload->>'token' from outbox_event where type = 'kelas.auth.email-verification.requested'"
                + " and aggregate_id = ?", userId);

        given().contentType(ContentType.JSON).body(Map.of("tenant", school.slug(), "email", email))
                .post("/api/v1/auth/verify-email/resend").then().statusCode(202);
        assertEquals(2L, one("select count(*) from outbox_event where type = 'kelas.auth.email-verification.requested'"
                + " and aggregate_id = ?", userId));
        String second = (String) one("select payload->>'token' from outbox_event where type = 'kelas.auth.email-verification.requested'"
                + " and aggregate_id = ? and payload->>'token' <> ?", userId, first);
        given().contentType(ContentType.JSON).body(Map.of("token", first)).post("/api/v1/auth/verify-email").then().statusCode(410)
                .body("code", equalTo("EMAIL_VERIFICATION_INVALID"));
        given().contentType(ContentType.JSON).body(Map.of("token", second)).post("/api/v1/auth/verify-email").then().statusCode(204);
        login(school.slug(), email, PASSWORD).then().statusCode(200);

        // verified now, an unknown address, another school's slug: the same 202, and no mail goes out
        long mails = (Long) one("select count(*) from outbox_event where type = 'kelas.auth.email-verification.requested'");
        for (Map<String, Object> body : List.<Map<String, Object>>of(Map.of("tenant", school.slug(), "email", email),
                Map.of("tenant", school.slug(), "email", school.email("nobody")), Map.of("tenant", "no-such-school", "email", email))) {
            given().contentType(ContentType.JSON).body(body).post("/api/v1/auth/verify-email/resend").then().statusCode(202);
        }
        assertEquals(mails, one("select count(*) from outbox_event where type = 'kelas.auth.email-verification.requested'"));
    }

    @Test
    void shouldNotLetAnAdministratorActivateAnAccountWaitingForItsVerification() {
        School school = school();
        allow(school, true);
        joinCode(school, UUID.randomUUID(), "WAITING8");
        String email = school.email("waiting");
        register(school, "WAITING8", email).then().statusCode(202);
        String userId = (String) one("select id::text from app_user where email = ?", email);
        given().auth().oauth2(school.accessToken()).contentType(ContentType.JSON).body(Map.of("active", true))
                .patch("/api/v1/users/{id}", userId).then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("CONFLICT"));
        login(school.slug(), email, PASSWORD).then().statusCode(401);
        given().auth().oauth2(school.accessToken()).get("/api/v1/users/{id}", userId).then().statusCode(200)
                .body("active", equalTo(false));
    }

    @Test
    void shouldRefuseWhileTheSchoolHasSelfRegistrationOff() {
        School school = school();
        given().auth().oauth2(school.accessToken()).get("/api/v1/tenants/current/self-registration").then().statusCode(200)
                .body("enabled", equalTo(false));
        UUID classId = UUID.randomUUID();
        joinCode(school, classId, "OFFCODE9");
        register(school, "OFFCODE9", school.email("early")).then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("SELF_REGISTRATION_OFF"));
        allow(school, true);
        allow(school, false);
        register(school, "OFFCODE9", school.email("early")).then().statusCode(403);
        assertEquals(0L, one("select count(*) from app_user where email = ?", school.email("early")));
    }

    @Test
    void shouldRefuseAWrongARotatedAndATurnedOffJoinCode() {
        School school = school();
        allow(school, true);
        UUID classId = UUID.randomUUID();
        register(school, "NOSUCH22", school.email("a")).then().statusCode(422).body("code", equalTo("JOIN_CODE_INVALID"))
                .body("errors[0].field", equalTo("joinCode"));
        joinCode(school, classId, "FIRST234");
        joinCode(school, classId, "SECOND45");
        register(school, "FIRST234", school.email("b")).then().statusCode(422).body("code", equalTo("JOIN_CODE_INVALID"));
        School other = school();
        allow(other, true);
        register(other, "SECOND45", other.email("c")).then().statusCode(422).body("code", equalTo("JOIN_CODE_INVALID"));
        joinCode(school, classId, null);
        register(school, "SECOND45", school.email("d")).then().statusCode(422).body("code", equalTo("JOIN_CODE_INVALID"));
        register(school, "SECOND45", school.email("e")).then().statusCode(422);
        for (String local : new String[] {"a", "b", "d", "e"}) {
            assertNull(one("select id from app_user where email = ?", school.email(local)));
        }
    }

    @Test
    void shouldRefuseAnExpiredVerificationTokenAndAWeakPassword() {
        School school = school();
        allow(school, true);
        joinCode(school, UUID.randomUUID(), "WEAKPW77");
        Map<String, Object> weak = Map.of("tenant", school.slug(), "joinCode", "WEAKPW77", "email", school.email("w"),
                "name", "Wes Weak", "password", "password1");
        given().contentType(ContentType.JSON).body(weak).post("/api/v1/auth/self-registration").then().statusCode(422)
                .body("code", equalTo("VALIDATION_ERROR"));
        String email = school.email("late");
        register(school, "WEAKPW77", email).then().statusCode(202);
        String userId = (String) one("select id::text from app_user where email = ?", email);
        String token = (String) one("select payload->>'token' from outbox_event where type = 'kelas.auth.email-verification.requested'"
                + " and aggregate_id = ?", userId);
        updateOne("update email_verification_token set expires_at = now() - interval '1 minute' where user_id = ?::uuid", userId);
        given().contentType(ContentType.JSON).body(Map.of("token", token)).post("/api/v1/auth/verify-email").then().statusCode(410)
                .body("code", equalTo("EMAIL_VERIFICATION_INVALID"));
        login(school.slug(), email, PASSWORD).then().statusCode(401);
    }
}
