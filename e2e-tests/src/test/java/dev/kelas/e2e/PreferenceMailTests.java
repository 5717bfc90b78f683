package dev.kelas.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Per-user preferences and the e-mail channel, with mail received by a real SMTP server on loopback: the
 * password-reset link, one mail per notification, the daily digest, and "not at all".
 */
class PreferenceMailTests {
    private static final String GRADES = "kelas.learning.grade.recorded";
    private static KelasSystem system;
    private static School school;

    @BeforeAll
    static void start() {
        system = KelasSystem.get();
        school = School.register(system, "Mail School");
    }

    @Test
    void shouldMailAWorkingPasswordResetLinkAndNoteItWithoutTheToken() {
        School.Person user = school.createUser("STUDENT", "Rosa Reset");
        io.restassured.RestAssured.given().baseUri(system.url("auth-service")).contentType("application/json")
                .body(Map.of("tenant", school.slug, "email", user.email())).post("/api/v1/auth/password-reset")
                .then().statusCode(202);
        Map<String, Object> mail = awaitMail(user.email(), "Reset your Kelas password");
        Matcher link = Pattern.compile("reset-password\\?token=([A-Za-z0-9_\\-]+)").matcher((String) mail.get("text"));
        assertTrue(link.find(), "no link in " + mail);
        String token = link.group(1);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> school.as(user, "notification-service")
                .get("/api/v1/notifications").then().extract().<List<String>>path("items.type")
                .contains("kelas.auth.password-reset.requested"));
        String inbox = school.as(user, "notification-service").get("/api/v1/notifications").asString();
        assertFalse(inbox.contains(token), "the token is only in the mailbox");

        io.restassured.RestAssured.given().baseUri(system.url("auth-service")).contentType("application/json")
                .body(Map.of("token", token, "newPassword", "a brand new passphrase 7"))
                .post("/api/v1/auth/password-reset/confirm").then().statusCode(204);
    }

    @Test
    void shouldListDefaultsAndRefuseBadChoices() {
        School.Person user = school.createUser("STUDENT", "Petra Prefs");
        school.as(user, "notification-service").get("/api/v1/notifications/preferences").then().statusCode(200)
                .body("items.type", hasItem(GRADES))
                .body("items.find { it.type == '" + GRADES + "' }.inApp", equalTo(true))
                .body("items.find { it.type == '" + GRADES + "' }.email", equalTo("OFF"))
                .body("items.find { it.type == 'kelas.auth.password-reset.requested' }.emailRequired", equalTo(true));
        school.as(user, "notification-service").body(Map.of("inApp", true, "email", "OFF"))
                .put("/api/v1/notifications/preferences/kelas.auth.password-reset.requested").then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("VALIDATION_ERROR")).body("errors[0].field", equalTo("email"));
        school.as(user, "notification-service").body(Map.of("inApp", true, "email", "OFF"))
                .put("/api/v1/notifications/preferences/kelas.no.such.type").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        school.as(user, "notification-service").body(Map.of("inApp", true, "email", "WEEKLY"))
                .put("/api/v1/notifications/preferences/" + GRADES).then().statusCode(400).body("code", equalTo("MALFORMED_REQUEST"))
                .body("errors[0].field", equalTo("email"));
        school.as(user, "notification-service").body(Map.of("email", "OFF"))
                .put("/api/v1/notifications/preferences/" + GRADES).then().statusCode(400).body("code", equalTo("VALIDATION_ERROR"));
        school.as(user, "notification-service").body(Map.of("inApp", false, "email", "DAILY_DIGEST"))
                .put("/api/v1/notifications/preferences/" + GRADES).then().statusCode(200).body("chosen", equalTo(true));
        school.as(user, "notification-service").get("/api/v1/notifications/preferences").then()
                .body("items.find { it.type == '" + GRADES + "' }.email", equalTo("DAILY_DIGEST"))
                .body("items.find { it.type == '" + GRADES + "' }.inApp", equalTo(false));
    }

    @Test
    void shouldDeliverEachTypeAsEachUserChose() throws Exception {
        School.Person mailOnly = school.createUser("STUDENT", "Mila Mailonly");
        School.Person nothing = school.createUser("STUDENT", "Nina Nothing");
        School.Person digest = school.createUser("STUDENT", "Dirk Digest");
        choose(mailOnly, false, "IMMEDIATE");
        choose(nothing, false, "OFF");
        choose(digest, true, "DAILY_DIGEST");

        try (WsClient mailOnlySocket = WsClient.connect(system.url("notification-service"), mailOnly.accessToken())) {
            mailOnlySocket.resume(0);
            school.publishGrade(nothing, "Quiet grade");
            school.publishGrade(digest, "Digest grade one");
            school.publishGrade(digest, "Digest grade two");
            school.publishGrade(mailOnly, "Mailed grade");

            Map<String, Object> mailed = awaitMail(mailOnly.email(), "New grade: Mailed grade");
            assertTrue(((String) mailed.get("text")).contains("7 of 10 points"), mailed.toString());
            // The digest runs every 2 s here: the two may come in one digest or in two.
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                String digests = mailsTo(digest.email()).stream().filter(m -> ((String) m.get("subject")).startsWith("Your Kelas digest"))
                        .map(m -> (String) m.get("text")).reduce("", String::concat);
                return digests.contains("Digest grade one") && digests.contains("Digest grade two");
            });

            // One consumer handles grade events in stream order: the last one's mail means all four were handled.
            assertEquals(0, total(mailOnly), "in-app off: nothing stored");
            assertEquals(List.of(), mailOnlySocket.notificationIds(), "in-app off: nothing pushed");
            assertEquals(0, total(nothing), "not at all: nothing stored");
            assertEquals(List.of(), mailsTo(nothing.email()), "not at all: no mail");
            assertEquals(2, total(digest), "digest and in-app: stored too");
        }
    }

    private static void choose(School.Person user, boolean inApp, String email) {
        school.as(user, "notification-service").body(Map.of("inApp", inApp, "email", email))
                .put("/api/v1/notifications/preferences/" + GRADES).then().statusCode(200);
    }

    private static int total(School.Person user) {
        return school.as(user, "notification-service").get("/api/v1/notifications").then().extract().path("total");
    }

    private static List<Map<String, Object>> mailsTo(String address) {
        return system.mails().stream().filter(m -> ((List<?>) m.get("to")).contains(address)).toList();
    }

    /** Waits for a mail to the address whose subject starts with {@code subject}. */
    static Map<String, Object> awaitMail(String address, String subject) {
        Map<String, Object>[] found = new Map[1];
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            found[0] = mailsTo(address).stream().filter(m -> ((String) m.get("subject")).startsWith(subject))
                    .findFirst().orElse(null);
            return found[0] != null;
        });
        assertNotNull(found[0]);
        return found[0];
    }
}
