package dev.kelas.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The inbox over REST: cursor pages, unread count, read, read-all, delete, and the retention job. */
class InboxTests {
    private static KelasSystem system;
    private static School school;

    @BeforeAll
    static void start() {
        system = KelasSystem.get();
        school = School.register(system, "Inbox School");
    }

    @Test
    void shouldPageNewestFirstWithACursor() throws Exception {
        School.Person student = withGrades("Paula Pages", 5);
        List<String> titles = new ArrayList<>();
        String cursor = null;
        do {
            Response page = school.as(student, "notification-service").queryParam("size", 2)
                    .queryParam("before", cursor == null ? "" : cursor).get("/api/v1/notifications")
                    .then().statusCode(200).body("total", equalTo(5)).body("unread", equalTo(5)).extract().response();
            titles.addAll(page.path("items.title"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertEquals(List.of("New grade: G5", "New grade: G4", "New grade: G3", "New grade: G2", "New grade: G1"), titles);
    }

    @Test
    void shouldMarkReadOneAtATimeOrAllUpToAnIdAndDelete() throws Exception {
        School.Person student = withGrades("Rudi Reader", 4);
        List<Integer> ids = school.as(student, "notification-service").get("/api/v1/notifications")
                .then().extract().path("items.id");
        List<Integer> seqs = school.as(student, "notification-service").get("/api/v1/notifications")
                .then().extract().path("items.seq");
        String newest = "/api/v1/notifications/" + ids.get(0);

        school.as(student, "notification-service").post(newest + "/read").then().statusCode(204);
        school.as(student, "notification-service").post(newest + "/read").then().statusCode(204);
        school.as(student, "notification-service").get("/api/v1/notifications/unread-count").then().body("unread", equalTo(3));
        school.as(student, "notification-service").queryParam("unread", true).get("/api/v1/notifications").then()
                .body("items.size()", equalTo(3)).body("items.read", org.hamcrest.Matchers.everyItem(equalTo(false)));

        school.as(student, "notification-service").queryParam("upTo", seqs.get(2)).post("/api/v1/notifications/read-all")
                .then().statusCode(200).body("updated", equalTo(2));
        school.as(student, "notification-service").post("/api/v1/notifications/read-all").then().body("updated", equalTo(1));
        school.as(student, "notification-service").get("/api/v1/notifications/unread-count").then().body("unread", equalTo(0));

        school.as(student, "notification-service").delete(newest).then().statusCode(204);
        school.as(student, "notification-service").delete(newest).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
        school.as(student, "notification-service").get("/api/v1/notifications").then().body("total", equalTo(3));

        School.Person other = school.createUser("STUDENT", "Otto Other");
        String theirs = "/api/v1/notifications/" + ids.get(1);
        school.as(other, "notification-service").post(theirs + "/read").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        school.as(other, "notification-service").delete(theirs).then().statusCode(404);
        school.as(student, "notification-service").get("/api/v1/notifications").then().body("total", equalTo(3));
    }

    @Test
    void shouldReplayPastADeletedNotification() throws Exception {
        School.Person student = withGrades("Dora Deleted", 3);
        List<Integer> ids = school.as(student, "notification-service").get("/api/v1/notifications").then().extract().path("items.id");
        school.as(student, "notification-service").delete("/api/v1/notifications/" + ids.get(1)).then().statusCode(204);
        try (WsClient socket = WsClient.connect(system.url("notification-service"), student.accessToken())) {
            assertEquals(1, socket.resume(1).path("replayed").asInt());
            assertEquals(List.of(3L), socket.notificationIds(), "number 2 was deleted; 3 follows 1");
            school.publishGrade(student, "G4");
            assertNotNull(socket.awaitType("notification", "G4", Duration.ofSeconds(30)));
            assertEquals(List.of(3L, 4L), socket.notificationIds());
        }
    }

    @Test
    void shouldRemoveNotificationsOlderThanTheRetention() throws Exception {
        School.Person student = withGrades("Olga Oldnews", 2);
        List<Integer> ids = school.as(student, "notification-service").get("/api/v1/notifications").then().extract().path("items.id");
        system.sql("notification-service", "update notification set created_at = now() - interval '91 days' where id = " + ids.get(1));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> school.as(student, "notification-service")
                .get("/api/v1/notifications").then().extract().<Integer>path("total") == 1);
        school.as(student, "notification-service").get("/api/v1/notifications").then().body("items[0].id", equalTo(ids.get(0)));
    }

    @Test
    void shouldRefuseBadInputWithProblemDetails() {
        School.Person student = school.createUser("STUDENT", "Bert Badinput");
        school.as(student, "notification-service").queryParam("before", "yesterday").get("/api/v1/notifications").then()
                .statusCode(422).contentType("application/problem+json").body("code", equalTo("VALIDATION_ERROR"))
                .body("errors[0].field", equalTo("before"));
        school.as(student, "notification-service").queryParam("size", 0).get("/api/v1/notifications").then()
                .statusCode(400).body("code", equalTo("VALIDATION_ERROR"));
        school.as(student, "notification-service").post("/api/v1/notifications/not-a-number/read").then().statusCode(404)
                .contentType("application/problem+json");
        io.restassured.RestAssured.given().baseUri(system.url("notification-service")).get("/api/v1/notifications/unread-count")
                .then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        school.as(student, "notification-service").get("/api/v1/notifications").then().statusCode(200)
                .body("nextCursor", nullValue()).body("total", equalTo(0));
    }

    /** A new student with {@code count} grades G1..Gn in their inbox. */
    private static School.Person withGrades(String name, int count) throws Exception {
        School.Person student = school.createUser("STUDENT", name);
        for (int i = 1; i <= count; i++) {
            school.publishGrade(student, "G" + i);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> school.as(student, "notification-service")
                .get("/api/v1/notifications").then().extract().<Integer>path("total") == count);
        return student;
    }
}
