package dev.kelas.learning.testing;

import static io.restassured.RestAssured.given;

import dev.kelas.contracts.Role;
import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.UserRegistered;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;

/**
 * A school as learning-service meets it: its users arrive as {@code kelas.auth.user.registered} events over
 * NATS (as auth-service sends them), and each gets an access token signed with the test key, with the claims
 * auth-service writes. Helpers wrap the API calls the tests repeat.
 */
public final class TestSchool {
    /** A user with their access token. */
    public record Person(UUID id, String name, Role role, String token) {
        /** The id as a string, as JSON carries it. */
        public String sid() {
            return id.toString();
        }
    }

    public final UUID tenantId = UUID.randomUUID();
    public final Person admin;

    private TestSchool() {
        admin = register(Role.ADMIN, "Ada Admin");
    }

    /** A new school with its admin known to learning-service. */
    public static TestSchool create() {
        return new TestSchool();
    }

    /** A user of this school, announced over NATS; returns once learning-service knows them. */
    public Person user(Role role, String name) {
        return users(role, List.of(name)).get(0);
    }

    /** Several users at once (one wait for all of them). */
    public List<Person> users(Role role, List<String> names) {
        List<Person> people = new ArrayList<>();
        for (String name : names) {
            people.add(register(role, name));
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> people.stream().allMatch(p -> known(p.id())));
        return people;
    }

    private Person register(Role role, String name) {
        UUID id = UUID.randomUUID();
        NatsBus.get().publish(Subjects.AUTH_USER_REGISTERED, tenantId, id.toString(),
                new UserRegistered(id, tenantId, name.toLowerCase().replace(' ', '.') + "@" + tenantId + ".test", name, role,
                        Instant.now()));
        Person person = new Person(id, name, role, token(id, role));
        if (role == Role.ADMIN) {
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> known(id));
        }
        return person;
    }

    /** An access token as auth-service issues it (RS256, 15 minutes). */
    private String token(UUID userId, Role role) {
        return LearningTestEnvironment.tokens().token(userId, tenantId, role.name());
    }

    /** A request to learning-service as this person, JSON in and out. */
    public static RequestSpecification as(Person person) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + person.token());
    }

    /** Creates a term (as the admin); returns its id. */
    public String createTerm(String schoolYear, int semester, boolean active) {
        return as(admin).body(Map.of("name", "Semester " + semester + " " + schoolYear, "schoolYear", schoolYear,
                        "semester", semester, "startsOn", schoolYear.substring(0, 4) + (semester == 1 ? "-07-15" : "-01-06"),
                        "endsOn", schoolYear.substring(0, 4) + (semester == 1 ? "-12-20" : "-06-20"), "active", active))
                .post("/api/v1/terms").then().statusCode(201).extract().path("id");
    }

    /** Creates a subject; returns its id. */
    public String createSubject(String code) {
        return as(admin).body(Map.of("code", code, "name", code + " subject")).post("/api/v1/subjects")
                .then().statusCode(201).extract().path("id");
    }

    /** Adds a grade component to a subject; returns its id. */
    public String addComponent(String subjectId, String name) {
        return as(admin).body(Map.of("name", name)).post("/api/v1/subjects/" + subjectId + "/components")
                .then().statusCode(201).extract().path("id");
    }

    /** The teacher creates a class (in the active term); returns its id. */
    public String createClass(Person teacher, String name) {
        return as(teacher).body(Map.of("name", name, "code", "C-" + UUID.randomUUID().toString().substring(0, 8)))
                .post("/api/v1/classes").then().statusCode(201).extract().path("id");
    }

    /** Enrolls students (bulk) in a class as its teacher. */
    public void enroll(Person teacher, String classId, Person... students) {
        as(teacher).body(Map.of("studentIds", java.util.Arrays.stream(students).map(Person::sid).toList()))
                .post("/api/v1/classes/" + classId + "/enrollments/bulk").then().statusCode(201);
    }

    /** A class with its teacher and enrolled students. */
    public record Classroom(String classId, Person teacher, List<Person> students) {
    }

    /** A teacher's class (in the active term, if any) with these students enrolled. */
    public Classroom classroom(String teacherName, String className, String... studentNames) {
        Person teacher = user(Role.TEACHER, teacherName);
        List<Person> students = users(Role.STUDENT, List.of(studentNames));
        String classId = createClass(teacher, className);
        enroll(teacher, classId, students.toArray(Person[]::new));
        return new Classroom(classId, teacher, students);
    }

    /** Creates a published assignment from these fields (title, kind, points, dueAt are filled if absent). */
    public String createAssignment(Person teacher, String classId, Map<String, Object> fields) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("title", "Work", "kind", "ESSAY", "points", 10,
                "dueAt", Instant.now().plus(Duration.ofDays(7)).toString()));
        body.putAll(fields);
        return as(teacher).body(body).post("/api/v1/classes/" + classId + "/assignments").then().statusCode(201)
                .extract().path("id");
    }

    /** Whether learning-service's member projection has this user. */
    private static boolean known(UUID userId) {
        return count("select count(*) from member where user_id = ?", userId) > 0;
    }

    /**
     * Moves a class's enrollments back in time, as if the students had joined at the start of the term (an
     * assignment due before a student joined does not count for them).
     */
    public static void enrolledSince(String classId, Instant since) {
        update("update enrollment set created_at = ? where class_id = ?", java.sql.Timestamp.from(since), UUID.fromString(classId));
    }

    /** Runs an update on the test database. */
    public static int update(String sql, Object... params) {
        try (Connection connection = DriverManager.getConnection(LearningTestEnvironment.jdbcUrl());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement.executeUpdate();
        } catch (Exception e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }

    /** Runs a count query on the test database. */
    public static long count(String sql, Object... params) {
        try (Connection connection = DriverManager.getConnection(LearningTestEnvironment.jdbcUrl());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }
}
