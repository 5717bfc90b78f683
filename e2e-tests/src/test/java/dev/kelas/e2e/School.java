package dev.kelas.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A school set up through the public API the way a frontend would: registered, its admin logged in,
 * a teacher and students created and logged in. Helpers wrap the contract's calls.
 */
public final class School {
    /** A logged-in person. */
    public record Person(String id, String email, String password, String accessToken, String refreshToken) {
    }

    public final KelasSystem system;
    public final String slug;
    public final String tenantId;
    public final Person admin;

    private School(KelasSystem system, String slug, String tenantId, Person admin) {
        this.system = system;
        this.slug = slug;
        this.tenantId = tenantId;
        this.admin = admin;
    }

    /** Registers a new school with a random slug and logs its admin in. */
    public static School register(KelasSystem system, String name) {
        String slug = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "admin-" + UUID.randomUUID();
        Response created = given().baseUri(system.url("auth-service")).contentType(ContentType.JSON)
                .body(Map.of("name", name, "slug", slug, "admin", Map.of("email", "admin@" + slug + ".test",
                        "password", password, "name", "Admin of " + name)))
                .post("/api/v1/tenants").then().statusCode(201).extract().response();
        School school = new School(system, slug, created.path("id"), null);
        Person admin = school.login(created.path("adminId"), "admin@" + slug + ".test", password);
        return new School(system, slug, school.tenantId, admin);
    }

    /** Logs a person in and returns their tokens. */
    public Person login(String id, String email, String password) {
        Response tokens = given().baseUri(system.url("auth-service")).contentType(ContentType.JSON)
                .body(Map.of("tenant", slug, "email", email, "password", password))
                .post("/api/v1/auth/login").then().statusCode(200).extract().response();
        return new Person(id, email, password, tokens.path("accessToken"), tokens.path("refreshToken"));
    }

    /** The admin creates a user with this role, who then logs in. */
    public Person createUser(String role, String name) {
        String email = name.toLowerCase().replace(' ', '.') + "@" + slug + ".test";
        String password = "pw-" + UUID.randomUUID();
        String id = as(admin, "auth-service").body(Map.of("email", email, "name", name, "role", role, "password", password))
                .post("/api/v1/users").then().statusCode(201).extract().path("id");
        return login(id, email, password);
    }

    /** A request to a service as this person, JSON in and out. */
    public RequestSpecification as(Person person, String service) {
        return given().baseUri(system.url(service)).contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + person.accessToken());
    }

    /** The teacher creates a class; returns its id. */
    public String createClass(Person teacher, String name) {
        return as(teacher, "learning-service").body(Map.of("name", name, "code", "C-" + UUID.randomUUID().toString().substring(0, 8)))
                .post("/api/v1/classes").then().statusCode(201).extract().path("id");
    }

    /**
     * Enrolls a student, retrying while learning-service has not yet heard of the new user from
     * {@code kelas.auth.user.registered} (it answers 422 until then).
     */
    public void enroll(Person teacher, String classId, Person student) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            int status = as(teacher, "learning-service").body(Map.of("studentId", student.id()))
                    .post("/api/v1/classes/" + classId + "/enrollments").statusCode();
            if (status != 201 && status != 422) {
                throw new AssertionError("enrollment answered " + status);
            }
            return status == 201;
        });
    }

    /** The teacher publishes a CODING assignment worth {@code points}; returns its id. */
    public String publishCodingAssignment(Person teacher, String classId, String title, int points) {
        return publishAssignment(teacher, classId, title, "CODING", points, Instant.now().plus(Duration.ofDays(7)));
    }

    /** The teacher publishes an assignment of a kind worth {@code points}, due at a moment; returns its id. */
    public String publishAssignment(Person teacher, String classId, String title, String kind, int points, Instant dueAt) {
        return as(teacher, "learning-service").body(Map.of("title", title, "kind", kind, "points", points, "dueAt", dueAt.toString()))
                .post("/api/v1/classes/" + classId + "/assignments").then().statusCode(201).extract().path("id");
    }

    /**
     * The teacher creates a class with these students enrolled; returns once notification-service's projections
     * know the school's {@code users} users and the class's members (the students and the teacher).
     */
    public String classKnownToNotifications(Person teacher, String name, int users, Person... students) {
        String classId = createClass(teacher, name);
        for (Person student : students) {
            enroll(teacher, classId, student);
        }
        awaitNotificationProjections(users, classId, students.length + 1);
        return classId;
    }

    /**
     * Waits until notification-service's projections know every user of this school created so far and the
     * members of a class (null: no class), as they learn them from events.
     */
    private void awaitNotificationProjections(int users, String classId, int members) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                Integer.parseInt(system.sqlValue("notification-service",
                        "select count(*) from user_account where tenant_id = '" + tenantId + "'")) >= users
                && (classId == null || Integer.parseInt(system.sqlValue("notification-service",
                        "select count(*) from class_member where class_id = '" + classId + "'")) >= members));
    }

    /**
     * The teacher creates a Python task, retrying while lab-service has not yet heard of the
     * assignment from {@code kelas.learning.assignment.published} (404 until then).
     */
    public String createPythonTask(Person teacher, String classId, String assignmentId, List<Map<String, Object>> tests,
                                   Map<String, Object> limits) {
        Map<String, Object> body = Map.of("title", "Task", "language", "python", "statement", "Solve it.",
                "assignmentId", assignmentId, "classId", classId, "limits", limits, "tests", tests);
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Response response = as(teacher, "lab-service").body(body).post("/api/v1/lab/tasks");
            if (response.statusCode() != 201 && response.statusCode() != 404) {
                throw new AssertionError("task creation answered " + response.statusCode() + ": " + response.asString());
            }
            id[0] = response.statusCode() == 201 ? response.path("id") : null;
            return id[0] != null;
        });
        return id[0];
    }

    /** The student submits Python code; returns the submission id (202 QUEUED asserted). */
    public String submit(Person student, String taskId, String source) {
        // A fresh enrollment reaches lab-service as an event: until it has, the student is not enrolled there (403).
        Response[] answer = new Response[1];
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            answer[0] = as(student, "lab-service").body(Map.of("language", "python", "sourceCode", source))
                    .post("/api/v1/lab/tasks/" + taskId + "/submissions");
            return answer[0].statusCode() != 403;
        });
        return answer[0].then().statusCode(202).extract().path("id");
    }

    /**
     * Publishes {@code kelas.learning.grade.recorded} for a student, as learning-service does when a grade enters
     * the gradebook, straight to JetStream; returns the event id.
     */
    public java.util.UUID publishGrade(Person student, String assignmentTitle) throws Exception {
        Map<String, Object> grade = new java.util.LinkedHashMap<>();
        grade.put("gradeId", UUID.randomUUID().toString());
        grade.put("assignmentId", UUID.randomUUID().toString());
        grade.put("classId", UUID.randomUUID().toString());
        grade.put("studentId", student.id());
        grade.put("assignmentTitle", assignmentTitle);
        grade.put("score", 7);
        grade.put("maxScore", 10);
        grade.put("source", "TEACHER");
        grade.put("occurredAt", Instant.now().toString());
        return system.publishEvent("kelas.learning.grade.recorded", tenantId, grade);
    }

    /** Polls a submission until it is GRADED or FAILED and returns it. */
    public Response awaitGraded(Person reader, String submissionId) {
        Response[] last = new Response[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = as(reader, "lab-service").get("/api/v1/lab/submissions/" + submissionId);
            String status = last[0].path("status");
            return "GRADED".equals(status) || "FAILED".equals(status);
        });
        return last[0];
    }
}
