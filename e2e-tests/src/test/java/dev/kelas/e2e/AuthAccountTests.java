package dev.kelas.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * auth-service as a school's IT team relies on it: password policy, brute-force protection, sessions,
 * revocation reaching the other services, password reset, user administration, CSV import, the audit
 * log and tenant isolation. Client addresses are set with X-Forwarded-For (loopback is a trusted proxy),
 * each test from its own 10.x range so the counters of one test never touch another.
 */
class AuthAccountTests {
    private static final AtomicInteger NEXT_RANGE = new AtomicInteger(10);
    static KelasSystem system;
    static School school;
    static School otherSchool;

    @BeforeAll
    static void setUp() {
        system = KelasSystem.get();
        school = School.register(system, "Account School");
        otherSchool = School.register(system, "Other School");
    }

    /** A fresh /16 of client addresses for one test: 10.n.x.y. */
    private static String range() {
        return "10." + NEXT_RANGE.incrementAndGet() + ".";
    }

    private static Response login(String slug, String email, String password, String ip) {
        return given().baseUri(system.url("auth-service")).contentType(ContentType.JSON)
                .header("X-Forwarded-For", ip).header("User-Agent", "kelas-e2e/" + ip)
                .body(Map.of("tenant", slug, "email", email, "password", password)).post("/api/v1/auth/login");
    }

    private static Response refresh(String refreshToken) {
        return given().baseUri(system.url("auth-service")).contentType(ContentType.JSON)
                .body(Map.of("refreshToken", refreshToken)).post("/api/v1/auth/refresh");
    }

    private static String newUser(School in, String role, String email, String password) {
        return in.as(in.admin, "auth-service").body(Map.of("email", email, "name", email.substring(0, email.indexOf('@')),
                "role", role, "password", password)).post("/api/v1/users").then().statusCode(201).extract().path("id");
    }

    private static String email(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@" + school.slug + ".test";
    }

    @Test
    void shouldHoldPasswordsToThePolicy() {
        // Too short or too long is the request's shape (400); a common password breaks the policy (422).
        Map<String, Integer> weak = Map.of("short", 400, "x".repeat(129), 400, "password1", 422, "Password1", 422, "iloveyou", 422);
        weak.forEach((password, status) -> school.as(school.admin, "auth-service")
                .body(Map.of("email", email("weak"), "name", "Weak", "role", "STUDENT", "password", password)).post("/api/v1/users")
                .then().statusCode(status).contentType("application/problem+json").body("code", equalTo("VALIDATION_ERROR"))
                .body("errors.field", hasItem("password")));
        // Long passphrases of any characters are fine, and no composition rule applies.
        newUser(school, "STUDENT", email("long"), "correct horse battery staple ".repeat(2) + "ünïcödé ✓");
        newUser(school, "STUDENT", email("plain"), "mountainriverlake");
    }

    @Test
    void shouldSlowDownOneAddressHammeringOneAccountButNotItsOwner() {
        String net = range();
        String victim = email("victim");
        String password = "victim-" + UUID.randomUUID();
        newUser(school, "STUDENT", victim, password);
        login(school.slug, victim, password, net + "9.9").then().statusCode(200); // the owner's usual address
        for (int i = 1; i <= 6; i++) {
            login(school.slug, victim, "guess-" + i, net + "0.1").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        }
        // The sixth failure from that address set a wait: even the right password must wait now.
        Response limited = login(school.slug, victim, password, net + "0.1");
        limited.then().statusCode(429).contentType("application/problem+json").body("code", equalTo("RATE_LIMITED"));
        assertTrue(Integer.parseInt(limited.header("Retry-After")) >= 1, limited.headers().toString());
        login(school.slug, victim, password, net + "9.9").then().statusCode(200);
        // After the wait the address may try again.
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(250))
                .until(() -> login(school.slug, victim, password, net + "0.1").statusCode() == 200);
    }

    @Test
    void shouldBoundAnAttackFromManyAddressesWithoutLockingTheOwnerOut() {
        String net = range();
        String victim = email("target");
        String password = "target-" + UUID.randomUUID();
        newUser(school, "TEACHER", victim, password);
        login(school.slug, victim, password, net + "200.1").then().statusCode(200);
        for (int i = 0; i < 100; i++) {
            login(school.slug, victim, "guess-" + i, net + (i / 250) + "." + (i % 250 + 1)).then().statusCode(401);
        }
        // 100 failures this hour: new addresses are refused, whatever they send...
        login(school.slug, victim, "guess-x", net + "100.1").then().statusCode(429).header("Retry-After", notNullValue());
        login(school.slug, victim, password, net + "100.2").then().statusCode(429);
        // ...but the owner, from where they logged in before, gets in.
        login(school.slug, victim, password, net + "200.1").then().statusCode(200);
    }

    @Test
    void shouldSlowDownOneAddressTryingManyAccountsAndSayNothingAboutWhichExist() {
        String net = range();
        String real = email("real");
        String password = "real-" + UUID.randomUUID();
        newUser(school, "STUDENT", real, password);
        for (int i = 0; i < 21; i++) {
            String who = i == 5 ? real : email("nobody" + i);
            login(school.slug, who, "spray-" + i, net + "0.1").then().statusCode(401)
                    .body("detail", equalTo("Wrong school, e-mail or password"));
        }
        login(school.slug, email("nobody-else"), "spray", net + "0.1").then().statusCode(429);
        login(school.slug, real, password, net + "0.1").then().statusCode(429);
        login(school.slug, real, password, net + "0.2").then().statusCode(200);
    }

    @Test
    void shouldListEndAndLogOutSessions() {
        String net = range();
        String who = email("sessions");
        String password = "sessions-" + UUID.randomUUID();
        String id = newUser(school, "STUDENT", who, password);
        Response laptop = login(school.slug, who, password, net + "0.1");
        Response phone = login(school.slug, who, password, net + "0.2");
        String laptopToken = laptop.path("accessToken");
        List<Map<String, Object>> sessions = given().baseUri(system.url("auth-service")).auth().oauth2(laptopToken)
                .get("/api/v1/auth/sessions").then().statusCode(200).body("", hasSize(2)).extract().path("");
        Map<String, Object> current = sessions.stream().filter(s -> (Boolean) s.get("current")).findFirst().orElseThrow();
        Map<String, Object> other = sessions.stream().filter(s -> !(Boolean) s.get("current")).findFirst().orElseThrow();
        assertEquals(net + "0.1", current.get("ip"));
        assertEquals("kelas-e2e/" + net + "0.2", other.get("userAgent"));
        given().baseUri(system.url("auth-service")).auth().oauth2(laptopToken).get("/api/v1/auth/me").then().statusCode(200)
                .body("id", equalTo(id)).body("email", equalTo(who)).body("role", equalTo("STUDENT"));

        given().baseUri(system.url("auth-service")).auth().oauth2(laptopToken).delete("/api/v1/auth/sessions/" + other.get("id"))
                .then().statusCode(204);
        refresh(phone.path("refreshToken")).then().statusCode(401);
        given().baseUri(system.url("auth-service")).auth().oauth2(laptopToken).delete("/api/v1/auth/sessions/" + UUID.randomUUID())
                .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        // Another user's session id is not found either.
        given().baseUri(system.url("auth-service")).auth().oauth2(school.admin.accessToken())
                .delete("/api/v1/auth/sessions/" + current.get("id")).then().statusCode(404);

        given().baseUri(system.url("auth-service")).auth().oauth2(laptopToken).post("/api/v1/auth/logout").then().statusCode(204);
        refresh(laptop.path("refreshToken")).then().statusCode(401);
        given().baseUri(system.url("auth-service")).get("/api/v1/auth/me").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void shouldVoidADeactivatedUsersTokensInOtherServicesWithinSeconds() {
        String net = range();
        String who = email("leaver");
        String password = "leaver-" + UUID.randomUUID();
        String id = newUser(school, "TEACHER", who, password);
        String token = login(school.slug, who, password, net + "0.1").path("accessToken");
        createClass(token).then().statusCode(201);

        school.as(school.admin, "auth-service").body(Map.of("active", false)).patch("/api/v1/users/" + id)
                .then().statusCode(200).body("active", equalTo(false));
        long started = System.nanoTime();
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> createClass(token).statusCode() == 401);
        System.out.printf("deactivated user's token refused by learning-service after %d ms%n",
                (System.nanoTime() - started) / 1_000_000);
        createClass(token).then().contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
        given().baseUri(system.url("auth-service")).auth().oauth2(token).get("/api/v1/auth/me").then().statusCode(401);
        login(school.slug, who, password, net + "0.1").then().statusCode(401);

        // Reactivated, the user logs in again and the new token works at once.
        school.as(school.admin, "auth-service").body(Map.of("active", true)).patch("/api/v1/users/" + id).then().statusCode(200);
        String fresh = login(school.slug, who, password, net + "0.1").path("accessToken");
        createClass(fresh).then().statusCode(201);
    }

    @Test
    void shouldVoidTokensOnRoleChangeAndLogoutEverywhere() {
        String net = range();
        String who = email("demoted");
        String password = "demoted-" + UUID.randomUUID();
        String id = newUser(school, "TEACHER", who, password);
        String token = login(school.slug, who, password, net + "0.1").path("accessToken");
        school.as(school.admin, "auth-service").body(Map.of("role", "STUDENT")).patch("/api/v1/users/" + id)
                .then().statusCode(200).body("role", equalTo("STUDENT"));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> createClass(token).statusCode() == 401);
        String asStudent = login(school.slug, who, password, net + "0.1").path("accessToken");
        createClass(asStudent).then().statusCode(403);

        String everywhere = login(school.slug, who, password, net + "0.2").path("accessToken");
        given().baseUri(system.url("auth-service")).auth().oauth2(everywhere).post("/api/v1/auth/logout-all").then().statusCode(204);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> given().baseUri(system.url("notification-service"))
                .auth().oauth2(asStudent).get("/api/v1/notifications").statusCode() == 401);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> given().baseUri(system.url("lab-service")).auth()
                .oauth2(everywhere).get("/api/v1/lab/submissions/" + UUID.randomUUID()).statusCode() == 401);
    }

    @Test
    void shouldResetAPasswordWithASingleUseTokenSentThroughTheEventBus() throws Exception {
        String net = range();
        String who = email("forgetful");
        String oldPassword = "forgetful-" + UUID.randomUUID();
        newUser(school, "STUDENT", who, oldPassword);
        String oldToken = login(school.slug, who, oldPassword, net + "0.1").path("accessToken");
        try (Connection nats = Nats.connect("nats://127.0.0.1:" + system.natsPort())) {
            Subscription resets = nats.subscribe("kelas.auth.password-reset.requested");
            nats.flush(Duration.ofSeconds(2));
            requestReset(school.slug, email("no-such-person")).then().statusCode(202);
            requestReset("no-such-school", who).then().statusCode(202);
            requestReset(school.slug, who).then().statusCode(202);
            // Other tests' resets (CSV imports) may still be on their way: look for ours, and for none to nobody.
            JsonNode event = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (event == null && System.nanoTime() < deadline) {
                Message message = resets.nextMessage(Duration.ofMillis(500));
                if (message != null) {
                    JsonNode candidate = new ObjectMapper().readTree(message.getData());
                    String to = candidate.path("data").path("email").asText();
                    assertTrue(!to.startsWith("no-such-person"), "a reset went out for an account that does not exist");
                    event = to.equals(who) ? candidate : null;
                }
            }
            assertNotNull(event, "no kelas.auth.password-reset.requested event");
            String token = event.path("data").path("token").asText();
            confirmReset(token, "password").then().statusCode(422).body("errors.field", hasItem("newPassword"));
            String newPassword = "remembered-" + UUID.randomUUID();
            confirmReset(token, newPassword).then().statusCode(204);
            confirmReset(token, "another-" + UUID.randomUUID()).then().statusCode(422).body("errors.field", hasItem("token"));
            confirmReset("not-a-token", newPassword).then().statusCode(422);
            login(school.slug, who, oldPassword, net + "0.1").then().statusCode(401);
            String fresh = login(school.slug, who, newPassword, net + "0.1").then().statusCode(200).extract().path("accessToken");
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> given().baseUri(system.url("auth-service"))
                    .auth().oauth2(oldToken).get("/api/v1/auth/me").statusCode() == 401);
            given().baseUri(system.url("auth-service")).auth().oauth2(fresh).get("/api/v1/auth/me").then().statusCode(200);
        }
    }

    @Test
    void shouldChangeAPasswordOnlyWithTheCurrentOne() {
        String net = range();
        String who = email("changer");
        String password = "changer-" + UUID.randomUUID();
        newUser(school, "STUDENT", who, password);
        Response session = login(school.slug, who, password, net + "0.1");
        String token = session.path("accessToken");
        changePassword(token, "not-my-password", "new-" + UUID.randomUUID()).then().statusCode(401);
        changePassword(token, password, "qwertyuiop").then().statusCode(422).body("code", equalTo("VALIDATION_ERROR"));
        String newPassword = "new-" + UUID.randomUUID();
        changePassword(token, password, newPassword).then().statusCode(204);
        refresh(session.path("refreshToken")).then().statusCode(401);
        login(school.slug, who, newPassword, net + "0.1").then().statusCode(200);
    }

    @Test
    void shouldImportCsvWithADryRunAndAllOrNothing() {
        String a = email("csv-a");
        String b = email("csv-b");
        String c = email("csv-c");
        String bad = "email,name,role,password\n"
                + a + ",Ana Csv,STUDENT,ana-" + UUID.randomUUID() + "\n"
                + b + ",\"Budi, Jr.\",WIZARD,\n"
                + "not-an-email,Cici,TEACHER,123456\n"
                + c + ",Dedi,student,\n";
        importCsv(bad, true).then().statusCode(200).body("dryRun", equalTo(true)).body("rows", equalTo(4))
                .body("valid", equalTo(2)).body("created", equalTo(0))
                .body("errors.line", contains(3, 4, 4)).body("errors.field", contains("role", "email", "password"));
        importCsv(bad, false).then().statusCode(422).body("created", equalTo(0)).body("errors", hasSize(3));
        school.as(school.admin, "auth-service").queryParam("q", "csv-").get("/api/v1/users")
                .then().statusCode(200).body("items.email", not(hasItem(a)));

        String good = "email,name,role,password\n"
                + a + ",Ana Csv,STUDENT,ana-" + UUID.randomUUID() + "\n"
                + b + ",\"Budi, Jr.\",TEACHER,\n"
                + c + ",Dedi,student,\n"
                + a.toUpperCase() + ",Ana Again,STUDENT,\n";
        importCsv(good, false).then().statusCode(422).body("errors[0].line", equalTo(5)).body("errors[0].message", equalTo("appears twice in the file"));
        importCsv(good.substring(0, good.lastIndexOf(a.toUpperCase())), false).then().statusCode(201)
                .body("created", equalTo(3)).body("errors", empty());
        school.as(school.admin, "auth-service").queryParam("q", "csv-").queryParam("sort", "email").get("/api/v1/users")
                .then().statusCode(200).body("items.email", hasItem(a)).body("items.find { it.email == '" + b + "' }.name", equalTo("Budi, Jr."));
        importCsv("email,name,role\n" + a + ",Ana,STUDENT\n", true).then().statusCode(200)
                .body("errors[0].message", equalTo("already has an account in this school"));
        importCsv("just one column\nx\n", true).then().statusCode(422).body("code", equalTo("VALIDATION_ERROR"));
    }

    @Test
    void shouldSearchFilterSortAndPageUsersAndShowTeachersOnlyStudents() {
        String tag = "zz" + UUID.randomUUID().toString().substring(0, 6);
        for (String name : List.of("Cyan", "Amber", "Beige")) {
            school.as(school.admin, "auth-service").body(Map.of("email", name.toLowerCase() + "-" + tag + "@" + school.slug + ".test",
                    "name", name + " " + tag, "role", "STUDENT", "password", "pw-" + UUID.randomUUID())).post("/api/v1/users")
                    .then().statusCode(201);
        }
        School.Person teacher = school.createUser("TEACHER", "Teacher " + tag);
        school.as(school.admin, "auth-service").queryParam("q", tag).queryParam("role", "STUDENT").queryParam("sort", "-name")
                .queryParam("size", 2).get("/api/v1/users").then().statusCode(200)
                .body("total", equalTo(3)).body("items.name", contains("Cyan " + tag, "Beige " + tag));
        school.as(school.admin, "auth-service").queryParam("q", tag).queryParam("role", "STUDENT").queryParam("sort", "-name")
                .queryParam("size", 2).queryParam("page", 1).get("/api/v1/users").then().statusCode(200).body("items.name", contains("Amber " + tag));
        school.as(teacher, "auth-service").queryParam("q", tag).get("/api/v1/users").then().statusCode(200)
                .body("total", equalTo(3)).body("items.role", everyItem(equalTo("STUDENT")));
        school.as(teacher, "auth-service").get("/api/v1/users/" + school.admin.id()).then().statusCode(404);
        school.as(school.admin, "auth-service").queryParam("sort", "password").get("/api/v1/users").then().statusCode(422)
                .body("errors.field", hasItem("sort"));
        School.Person student = school.createUser("STUDENT", "Student " + tag);
        school.as(student, "auth-service").get("/api/v1/users").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        school.as(school.admin, "auth-service").body(Map.of("active", false)).patch("/api/v1/users/" + school.admin.id())
                .then().statusCode(409).body("code", equalTo("CONFLICT"));
    }

    @Test
    void shouldKeepEveryUserEndpointInsideItsSchool() {
        String address = email("private");
        String id = newUser(school, "STUDENT", address, "private-" + UUID.randomUUID());
        School.Person stranger = otherSchool.admin;
        otherSchool.as(stranger, "auth-service").get("/api/v1/users/" + id).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        otherSchool.as(stranger, "auth-service").body(Map.of("name", "Hijacked")).patch("/api/v1/users/" + id).then().statusCode(404);
        otherSchool.as(stranger, "auth-service").delete("/api/v1/users/" + id).then().statusCode(404);
        otherSchool.as(stranger, "auth-service").queryParam("size", 100).get("/api/v1/users").then().statusCode(200)
                .body("items.id", not(hasItem(id))).body("items.email", everyItem(org.hamcrest.Matchers.endsWith(otherSchool.slug + ".test")));
        otherSchool.as(stranger, "auth-service").queryParam("targetId", id).get("/api/v1/audit").then().statusCode(200)
                .body("items", empty());
        school.as(school.admin, "auth-service").get("/api/v1/users/" + id).then().statusCode(200).body("email", equalTo(address));
    }

    @Test
    void shouldAuditWhoChangedWhatFromWhere() {
        String id = newUser(school, "TEACHER", email("audited"), "audited-" + UUID.randomUUID());
        given().baseUri(system.url("auth-service")).contentType(ContentType.JSON).auth().oauth2(school.admin.accessToken())
                .header("X-Forwarded-For", "192.0.2.7").body(Map.of("role", "STUDENT")).patch("/api/v1/users/" + id)
                .then().statusCode(200);
        school.as(school.admin, "auth-service").queryParam("targetId", id).get("/api/v1/audit").then().statusCode(200)
                .body("items.action", contains("user.role-changed", "user.created"))
                .body("items[0].actorId", equalTo(school.admin.id())).body("items[0].ip", equalTo("192.0.2.7"))
                .body("items[0].details.role.from", equalTo("TEACHER")).body("items[0].details.role.to", equalTo("STUDENT"));
        school.as(school.admin, "auth-service").queryParam("targetId", id).queryParam("action", "user.created").get("/api/v1/audit")
                .then().body("items", hasSize(1));
    }

    @Test
    void shouldRotateTheSigningKeyWithoutRestartOrBreakingLiveTokens() throws Exception {
        String before = school.admin.accessToken();
        String oldKid = kidOf(before);
        given().baseUri(system.url("auth-service")).post("/api/v1/auth/keys/rotate").then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        String newKid = given().baseUri(system.url("auth-service")).header("X-Kelas-Operator-Token", KelasSystem.OPERATOR_TOKEN)
                .post("/api/v1/auth/keys/rotate").then().statusCode(202).extract().path("kid");
        assertTrue(!newKid.equals(oldKid));
        given().baseUri(system.url("auth-service")).get("/.well-known/jwks.json").then().statusCode(200)
                .body("keys.kid", hasItem(oldKid)).body("keys.kid", hasItem(newKid));
        // After the activation delay new tokens carry the new key; the other services fetch it on first sight.
        String[] after = new String[1];
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
            after[0] = school.login(school.admin.id(), school.admin.email(), school.admin.password()).accessToken();
            return kidOf(after[0]).equals(newKid);
        });
        for (String token : List.of(before, after[0])) {
            createClass(token).then().statusCode(201);
            given().baseUri(system.url("auth-service")).auth().oauth2(token).get("/api/v1/auth/me").then().statusCode(200);
            given().baseUri(system.url("notification-service")).auth().oauth2(token).get("/api/v1/notifications").then().statusCode(200);
        }
        given().baseUri(system.url("auth-service")).get("/.well-known/jwks.json").then()
                .body("keys.kid", hasItem(oldKid)).body("keys.kid", hasItem(newKid));
    }

    @Test
    void shouldAcceptOnlyRs256AccessTokensFromTheIssuer() throws Exception {
        String real = school.admin.accessToken();
        String[] parts = real.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8);
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        // alg "none", and HS256 keyed with the public JWKS (the classic algorithm-confusion forgery).
        String none = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes()) + "." + parts[1] + ".";
        String hsInput = b64.encodeToString(("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + kidOf(real) + "\"}").getBytes())
                + "." + parts[1];
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(given().baseUri(system.url("auth-service")).get("/.well-known/jwks.json")
                .asByteArray(), "HmacSHA256"));
        String hs256 = hsInput + "." + b64.encodeToString(mac.doFinal(hsInput.getBytes()));
        // A real signature over a changed payload (another school) fails too.
        String otherTenant = b64.encodeToString(payload.replace(school.tenantId, otherSchool.tenantId).getBytes());
        String tampered = parts[0] + "." + otherTenant + "." + parts[2];
        for (String forged : List.of(none, hs256, tampered)) {
            createClass(forged).then().statusCode(401).contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
            given().baseUri(system.url("auth-service")).auth().oauth2(forged).get("/api/v1/auth/me").then().statusCode(401);
        }
        createClass(real).then().statusCode(201);
    }

    @Test
    void shouldKeepEachSchoolsNameAndSettings() {
        school.as(school.admin, "auth-service").body(Map.of("settings", Map.of("timeZone", "Asia/Jakarta", "locale", "id-ID")))
                .patch("/api/v1/tenants/current").then().statusCode(200).body("slug", equalTo(school.slug))
                .body("settings.timeZone", equalTo("Asia/Jakarta"));
        School.Person teacher = school.createUser("TEACHER", "Settings Reader " + UUID.randomUUID().toString().substring(0, 6));
        school.as(teacher, "auth-service").get("/api/v1/tenants/current").then().statusCode(200)
                .body("id", equalTo(school.tenantId)).body("settings.locale", equalTo("id-ID"));
        school.as(teacher, "auth-service").body(Map.of("name", "Mine now")).patch("/api/v1/tenants/current").then().statusCode(403);
        school.as(school.admin, "auth-service").body("{\"settings\": [1, 2]}").patch("/api/v1/tenants/current").then().statusCode(400);
        otherSchool.as(otherSchool.admin, "auth-service").get("/api/v1/tenants/current").then().statusCode(200)
                .body("id", equalTo(otherSchool.tenantId)).body("settings.timeZone", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void shouldDocumentEveryAuthEndpointWithItsErrors() {
        Map<String, Map<String, Map<String, Object>>> paths = given().baseUri(system.url("auth-service"))
                .queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().path("paths");
        for (String path : List.of("/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/me", "/api/v1/auth/logout",
                "/api/v1/auth/logout-all", "/api/v1/auth/sessions", "/api/v1/auth/sessions/{sessionId}", "/api/v1/auth/password",
                "/api/v1/auth/password-reset", "/api/v1/auth/password-reset/confirm", "/api/v1/users", "/api/v1/users/{userId}",
                "/api/v1/users/import", "/api/v1/audit", "/api/v1/tenants", "/api/v1/tenants/current", "/api/v1/auth/keys/rotate",
                "/api/v1/users/invitations", "/api/v1/users/invitations/{invitationId}", "/api/v1/users/invitations/{invitationId}/resend",
                "/api/v1/auth/invitations/accept", "/api/v1/auth/self-registration", "/api/v1/auth/verify-email",
                "/api/v1/auth/verify-email/resend", "/api/v1/auth/me/avatar", "/api/v1/users/{userId}/avatar",
                "/api/v1/tenants/current/self-registration")) {
            assertNotNull(paths.get(path), path + " is not in the OpenAPI document");
            paths.get(path).forEach((method, operation) -> {
                if (List.of("get", "post", "put", "patch", "delete").contains(method)) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
                    assertNotNull(operation.get("summary"), method + " " + path + " has no summary");
                    assertTrue(responses.keySet().stream().anyMatch(code -> code.startsWith("4")),
                            method + " " + path + " documents no error: " + responses.keySet());
                }
            });
        }
    }

    private static String kidOf(String jwt) throws Exception {
        String header = new String(java.util.Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))),
                java.nio.charset.StandardCharsets.UTF_8);
        return new ObjectMapper().readTree(header).path("kid").asText();
    }

    private static Response createClass(String token) {
        return given().baseUri(system.url("learning-service")).contentType(ContentType.JSON).auth().oauth2(token)
                .body(Map.of("name", "Probe", "code", "P-" + UUID.randomUUID().toString().substring(0, 8))).post("/api/v1/classes");
    }

    private static Response requestReset(String slug, String email) {
        return given().baseUri(system.url("auth-service")).contentType(ContentType.JSON)
                .body(Map.of("tenant", slug, "email", email)).post("/api/v1/auth/password-reset");
    }

    private static Response confirmReset(String token, String newPassword) {
        return given().baseUri(system.url("auth-service")).contentType(ContentType.JSON)
                .body(Map.of("token", token, "newPassword", newPassword)).post("/api/v1/auth/password-reset/confirm");
    }

    private static Response changePassword(String token, String current, String next) {
        return given().baseUri(system.url("auth-service")).contentType(ContentType.JSON).auth().oauth2(token)
                .body(Map.of("currentPassword", current, "newPassword", next)).post("/api/v1/auth/password");
    }

    private static Response importCsv(String csv, boolean dryRun) {
        return given().baseUri(system.url("auth-service")).contentType("text/csv").auth().oauth2(school.admin.accessToken())
                .queryParam("dryRun", dryRun).body(csv).post("/api/v1/users/import");
    }
}
