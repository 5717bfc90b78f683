package dev.kelas.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Self-registration with a class join code (issue 15) through the packaged services: the admin turns it on, a teacher
 * sets the class's code in learning-service, auth-service learns it from the event, a student registers with it, the
 * verification mail arrives at the real SMTP server, the account cannot log in before the link is opened and can
 * after, and learning-service enrolls the student in the class.
 */
class SelfRegistrationFlowTests {
    private static KelasSystem system;
    private static School school;

    @BeforeAll
    static void start() {
        system = KelasSystem.get();
        school = School.register(system, "Self Registration School");
    }

    @Test
    void shouldRegisterWithAJoinCodeVerifyByMailAndJoinTheClass() {
        school.as(school.admin, "auth-service").body(Map.of("enabled", true)).put("/api/v1/tenants/current/self-registration")
                .then().statusCode(200).body("enabled", equalTo(true));
        School.Person teacher = school.createUser("TEACHER", "Jo Joiner");
        String[] classId = new String[1];
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Response created = school.as(teacher, "learning-service").body(Map.of("name", "7A Joiners", "code", "J-" + UUID.randomUUID()
                    .toString().substring(0, 8))).post("/api/v1/classes");
            classId[0] = created.statusCode() == 201 ? created.path("id") : null;
            return classId[0] != null;
        });
        String code = school.as(teacher, "learning-service").post("/api/v1/classes/{id}/join-code", classId[0]).then().statusCode(200)
                .extract().path("code");

        String email = "sid.self@" + school.slug + ".test";
        String password = "my own passphrase " + UUID.randomUUID();
        Map<String, Object> registration = Map.of("tenant", school.slug, "joinCode", code, "email", email, "name", "Sid Self",
                "password", password);
        // auth-service knows the code once kelas.learning.class.join-code-changed reached it.
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            int status = given().baseUri(system.url("auth-service")).contentType("application/json").body(registration)
                    .post("/api/v1/auth/self-registration").statusCode();
            if (status != 202 && status != 422) {
                throw new AssertionError("self-registration answered " + status);
            }
            return status == 202;
        });
        given().baseUri(system.url("auth-service")).contentType("application/json")
                .body(Map.of("tenant", school.slug, "email", email, "password", password)).post("/api/v1/auth/login").then()
                .statusCode(401);

        Map<String, Object> mail = awaitMail(email, "Confirm your e-mail address");
        Matcher link = Pattern.compile("verify-email\\?token=([A-Za-z0-9_\\-]+)").matcher((String) mail.get("text"));
        assertTrue(link.find(), "no link in " + mail);
        given().baseUri(system.url("auth-service")).contentType("application/json").body(Map.of("token", link.group(1)))
                .post("/api/v1/auth/verify-email").then().statusCode(204);
        School.Person student = school.login(null, email, password);
        school.as(student, "auth-service").get("/api/v1/auth/me").then().statusCode(200).body("role", equalTo("STUDENT"));

        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> school.as(teacher,
                        "learning-service").get("/api/v1/classes/{id}/enrollments", classId[0]).then().statusCode(200)
                .extract().<List<String>>path("studentName").contains("Sid Self"));
    }

    /** Waits for a mail to the address whose subject starts with {@code subject}, as the loopback SMTP server got it. */
    private static Map<String, Object> awaitMail(String address, String subject) {
        java.util.concurrent.atomic.AtomicReference<Map<String, Object>> found = new java.util.concurrent.atomic.AtomicReference<>();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> {
                    found.set(system.mails().stream().filter(m -> ((java.util.List<?>) m.get("to")).contains(address)
                            && ((String) m.get("subject")).startsWith(subject)).findFirst().orElse(null));
                    return found.get() != null;
                });
        return found.get();
    }
}
