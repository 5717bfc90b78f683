package dev.kelas.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Invitations (issue 15) through the packaged services: an administrator invites by e-mail, notification-service
 * mails the single-use link through the real SMTP server on loopback, the invitee accepts with the link's token and
 * a password of their choice, and logs in with it; the link works once.
 */
class InvitationFlowTests {
    private static KelasSystem system;
    private static School school;

    @BeforeAll
    static void start() {
        system = KelasSystem.get();
        school = School.register(system, "Invitation School");
    }

    @Test
    void shouldAcceptAnInvitationMailedThroughTheRealSmtpServerAndLogIn() {
        String email = "ines.invited@" + school.slug + ".test";
        school.as(school.admin, "auth-service").body(Map.of("email", email, "name", "Ines Invited", "role", "TEACHER"))
                .post("/api/v1/users/invitations").then().statusCode(201).body("status", equalTo("PENDING"));

        Map<String, Object> mail = awaitMail(email, "You are invited to Invitation School");
        String text = (String) mail.get("text");
        Matcher link = Pattern.compile("accept-invitation\\?token=([A-Za-z0-9_\\-]+)").matcher(text);
        assertTrue(link.find(), "no link in " + mail);
        assertTrue(text.contains("Ines Invited") && text.contains("teacher"), text);
        String token = link.group(1);

        String password = "my own passphrase " + UUID.randomUUID();
        given().baseUri(system.url("auth-service")).contentType("application/json")
                .body(Map.of("token", token, "password", password)).post("/api/v1/auth/invitations/accept").then()
                .statusCode(201).body("user.email", equalTo(email)).body("user.role", equalTo("TEACHER"));
        School.Person invitee = school.login(null, email, password);
        school.as(invitee, "auth-service").get("/api/v1/auth/me").then().statusCode(200).body("name", equalTo("Ines Invited"));

        given().baseUri(system.url("auth-service")).contentType("application/json")
                .body(Map.of("token", token, "password", password + "2")).post("/api/v1/auth/invitations/accept").then()
                .statusCode(410).contentType("application/problem+json").body("code", equalTo("INVITATION_USED"));
        school.as(school.admin, "auth-service").get("/api/v1/users/invitations").then().statusCode(200)
                .body("items[0].email", equalTo(email)).body("items[0].status", equalTo("ACCEPTED"));
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
