package dev.kelas.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Logins and refresh-token rotation through auth-service's public API. */
class AuthFlowTests {
    static KelasSystem system;
    static School school;

    @BeforeAll
    static void setUp() {
        system = KelasSystem.get();
        school = School.register(system, "Auth School");
    }

    @Test
    void shouldRotateRefreshTokenAndRevokeTheFamilyOnReuse() {
        School.Person admin = school.admin;
        String second = refresh(admin.refreshToken()).then().statusCode(200)
                .body("tokenType", equalTo("Bearer")).body("expiresIn", equalTo(900))
                .body("accessToken", notNullValue()).extract().path("refreshToken");
        // The first token is dead now; presenting it again is treated as theft...
        refresh(admin.refreshToken()).then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("UNAUTHENTICATED"));
        // ...and revokes the whole family, including the token that replaced it.
        refresh(second).then().statusCode(401);
        // A new login starts a new, working family.
        School.Person again = school.login(admin.id(), admin.email(), admin.password());
        refresh(again.refreshToken()).then().statusCode(200);
    }

    @Test
    void shouldRefuseWrongCredentialsAlike() {
        login(school.slug, school.admin.email(), "wrong-password").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        String wrongPassword = login(school.slug, school.admin.email(), "wrong-password").then().extract().path("detail");
        String unknownEmail = login(school.slug, "nobody@nowhere.test", "wrong-password").then().statusCode(401).extract().path("detail");
        String unknownSchool = login("no-such-school", school.admin.email(), "wrong-password").then().statusCode(401).extract().path("detail");
        org.junit.jupiter.api.Assertions.assertEquals(wrongPassword, unknownEmail);
        org.junit.jupiter.api.Assertions.assertEquals(wrongPassword, unknownSchool);
    }

    @Test
    void shouldRefuseTakenSlugAndDuplicateEmail() {
        given().baseUri(system.url("auth-service")).contentType(ContentType.JSON)
                .body(Map.of("name", "Copy", "slug", school.slug, "admin", Map.of("email", "x@y.test", "password", "long-enough-pw", "name", "X")))
                .post("/api/v1/tenants").then().statusCode(409).body("code", equalTo("CONFLICT"));
        school.as(school.admin, "auth-service").body(Map.of("email", school.admin.email().toUpperCase(), "name", "Dup",
                "role", "TEACHER", "password", "long-enough-pw")).post("/api/v1/users").then().statusCode(409);
    }

    @Test
    void shouldLetOnlyAdminsCreateUsers() {
        School.Person teacher = school.createUser("TEACHER", "Tom Teacher");
        school.as(teacher, "auth-service").body(Map.of("email", "s@x.test", "name", "S", "role", "STUDENT",
                "password", "long-enough-pw")).post("/api/v1/users").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        given().baseUri(system.url("auth-service")).get("/.well-known/jwks.json").then().statusCode(200)
                .body("keys[0].kty", equalTo("RSA")).body("keys[0].alg", equalTo("RS256")).body("keys[0].kid", notNullValue());
    }

    private static io.restassured.response.Response refresh(String token) {
        return given().baseUri(system.url("auth-service")).contentType(ContentType.JSON)
                .body(Map.of("refreshToken", token)).post("/api/v1/auth/refresh");
    }

    private static io.restassured.response.Response login(String slug, String email, String password) {
        return given().baseUri(system.url("auth-service")).contentType(ContentType.JSON)
                .body(Map.of("tenant", slug, "email", email, "password", password)).post("/api/v1/auth/login");
    }
}
