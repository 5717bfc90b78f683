package dev.kelas.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.kelas.auth.testing.AuthTestEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** auth-service's edge on its own: tenants, logins, refresh rotation, the password policy, user admin, CSV import. */
@QuarkusTest
@QuarkusTestResource(value = AuthTestEnvironment.class, restrictToAnnotatedClass = true)
class AuthResourceTests {
    private static final String PASSWORD = "a-long-test-password-" + UUID.randomUUID();

    /** A school with its admin: slug, admin e-mail, and the admin's login answer. */
    private record School(String slug, String adminEmail, String accessToken, String refreshToken) {
    }

    private static School school() {
        String slug = "s-" + UUID.randomUUID().toString().substring(0, 8);
        String email = "admin@" + slug + ".test";
        given().contentType(ContentType.JSON).body(Map.of("name", "School " + slug, "slug", slug,
                        "admin", Map.of("email", email, "password", PASSWORD, "name", "Ada Admin")))
                .post("/api/v1/tenants").then().statusCode(201).body("slug", equalTo(slug)).body("adminId", notNullValue());
        Response login = login(slug, email, PASSWORD);
        login.then().statusCode(200);
        return new School(slug, email, login.path("accessToken"), login.path("refreshToken"));
    }

    private static Response login(String slug, String email, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("tenant", slug, "email", email, "password", password))
                .post("/api/v1/auth/login");
    }

    private static Response refresh(String token) {
        return given().contentType(ContentType.JSON).body(Map.of("refreshToken", token)).post("/api/v1/auth/refresh");
    }

    @Test
    void shouldLogInAndAnswerWhoTheCallerIs() {
        School school = school();
        given().auth().oauth2(school.accessToken()).get("/api/v1/auth/me").then().statusCode(200)
                .body("email", equalTo(school.adminEmail())).body("role", equalTo("ADMIN"));
    }

    @Test
    void shouldRefuseAWrongPasswordAsProblemJson() {
        School school = school();
        login(school.slug(), school.adminEmail(), "wrong-password").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void shouldRevokeTheWholeFamilyWhenARefreshTokenIsReused() {
        School school = school();
        String second = refresh(school.refreshToken()).then().statusCode(200).body("expiresIn", equalTo(900))
                .extract().path("refreshToken");
        refresh(school.refreshToken()).then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        refresh(second).then().statusCode(401);
    }

    @Test
    void shouldRefuseACommonPasswordWith422() {
        School school = school();
        given().auth().oauth2(school.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("email", "t@" + school.slug() + ".test", "name", "Tom", "role", "TEACHER", "password", "password1"))
                .post("/api/v1/users").then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_ERROR")).body("errors.field", hasItem("password"));
    }

    @Test
    void shouldAnswer404ForAnotherSchoolsUser() {
        School mine = school();
        School theirs = school();
        String theirUser = given().auth().oauth2(theirs.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("email", "s@" + theirs.slug() + ".test", "name", "Sam", "role", "STUDENT", "password", PASSWORD))
                .post("/api/v1/users").then().statusCode(201).extract().path("id");
        given().auth().oauth2(mine.accessToken()).pathParam("id", theirUser).get("/api/v1/users/{id}")
                .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        given().auth().oauth2(theirs.accessToken()).pathParam("id", theirUser).get("/api/v1/users/{id}")
                .then().statusCode(200).body("name", equalTo("Sam"));
    }

    @Test
    void shouldReportBadCsvRowsInADryRunAndWriteNothing() {
        School school = school();
        String a = "csv-a@" + school.slug() + ".test";
        String csv = "email,name,role,password\n" + a + ",Ana Csv,STUDENT," + PASSWORD + "\n"
                + "csv-b@" + school.slug() + ".test,Budi,WIZARD,\n";
        given().auth().oauth2(school.accessToken()).contentType("text/csv").queryParam("dryRun", true).body(csv)
                .post("/api/v1/users/import").then().statusCode(200).body("dryRun", equalTo(true)).body("rows", equalTo(2))
                .body("valid", equalTo(1)).body("created", equalTo(0)).body("errors", hasSize(1))
                .body("errors.field", contains("role"));
        given().auth().oauth2(school.accessToken()).queryParam("q", "csv-").get("/api/v1/users")
                .then().statusCode(200).body("items.email", not(hasItem(a)));
    }
}
