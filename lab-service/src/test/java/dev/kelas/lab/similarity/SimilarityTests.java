package dev.kelas.lab.similarity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.oneOf;

import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.AssignmentPublished;
import dev.kelas.lab.testing.LabTestEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Similarity checks against the real PostgreSQL, the private nats-server and JPlag: three students submit to a
 * Python task (an original, a copy with renamed variables and other whitespace and comments, and an independent
 * solution of the same problem); the check, run in the background on {@code lab-similarity-checks}, flags only
 * the copied pair, with its matching lines. Plus who may ask, a bad threshold, and a task with one submission.
 * Graders may grade the submissions meanwhile; the check does not wait for them.
 */
@QuarkusTest
@QuarkusTestResource(value = LabTestEnvironment.class, restrictToAnnotatedClass = true)
class SimilarityTests {
    static final String ORIGINAL =
            "import sys\n"
            + "\n"
            + "\n"
            + "def read_numbers(text):\n"
            + "    numbers = []\n"
            + "    for part in text.split():\n"
            + "        numbers.append(int(part))\n"
            + "    return numbers\n"
            + "\n"
            + "\n"
            + "def is_prime(n):\n"
            + "    if n < 2:\n"
            + "        return False\n"
            + "    d = 2\n"
            + "    while d * d <= n:\n"
            + "        if n % d == 0:\n"
            + "            return False\n"
            + "        d += 1\n"
            + "    return True\n"
            + "\n"
            + "\n"
            + "def main():\n"
            + "    numbers = read_numbers(sys.stdin.read())\n"
            + "    primes = []\n"
            + "    total = 0\n"
            + "    for n in numbers:\n"
            + "        if is_prime(n):\n"
            + "            primes.append(n)\n"
            + "            total += n\n"
            + "    print(len(primes))\n"
            + "    print(total)\n"
            + "    if primes:\n"
            + "        print(max(primes))\n"
            + "\n"
            + "\n"
            + "main()\n";

    /** The original with other names, comments and blank lines: the same program. */
    static final String COPY =
            "# My solution to the primes exercise\n"
            + "import sys\n"
            + "\n"
            + "def parse(data):\n"
            + "    # turn the input into integers\n"
            + "    values = []\n"
            + "    for token in data.split():\n"
            + "        values.append(int(token))\n"
            + "    return values\n"
            + "\n"
            + "def check_prime(value):\n"
            + "    if value < 2:\n"
            + "        return False\n"
            + "    k = 2\n"
            + "    while k * k <= value:   # trial division\n"
            + "        if value % k == 0:\n"
            + "            return False\n"
            + "        k += 1\n"
            + "    return True\n"
            + "\n"
            + "def solve():\n"
            + "    values = parse(sys.stdin.read())\n"
            + "    found = []\n"
            + "    s = 0\n"
            + "    for v in values:\n"
            + "        if check_prime(v):\n"
            + "            found.append(v)\n"
            + "            s += v\n"
            + "    print(len(found))\n"
            + "    print(s)\n"
            + "    if found:\n"
            + "        print(max(found))\n"
            + "\n"
            + "solve()\n";

    /** The same problem solved another way (a sieve, comprehensions, no functions). */
    static final String INDEPENDENT =
            "from sys import stdin\n"
            + "\n"
            + "LIMIT = 10 ** 6\n"
            + "\n"
            + "sieve = bytearray([1]) * (LIMIT + 1)\n"
            + "sieve[0] = sieve[1] = 0\n"
            + "for p in range(2, int(LIMIT ** 0.5) + 1):\n"
            + "    if sieve[p]:\n"
            + "        sieve[p * p::p] = bytearray(len(range(p * p, LIMIT + 1, p)))\n"
            + "\n"
            + "wanted = [x for x in map(int, stdin.read().split()) if 0 <= x <= LIMIT and sieve[x]]\n"
            + "print(len(wanted), sum(wanted), sep=\"\\n\")\n"
            + "print(*([max(wanted)] if wanted else []))\n";

    private final UUID tenantId = UUID.randomUUID();
    private final UUID teacherId = UUID.randomUUID();
    private final UUID classId = UUID.randomUUID();

    private RequestSpecification as(UUID userId, String role) {
        return as(userId, tenantId, role);
    }

    private RequestSpecification as(UUID userId, UUID tenant, String role) {
        return given().contentType(ContentType.JSON).auth().oauth2(LabTestEnvironment.tokens().token(userId, tenant, role));
    }

    /** A python task of the class, created once lab-service knows its assignment. */
    private String publishedTask() {
        UUID assignmentId = UUID.randomUUID();
        LabTestEnvironment.events().publish(Subjects.LEARNING_ASSIGNMENT_PUBLISHED, tenantId, assignmentId.toString(),
                new AssignmentPublished(assignmentId, classId, teacherId, "Primes", "CODING", BigDecimal.TEN,
                        Instant.now().plus(Duration.ofDays(7)), Instant.now(), null));
        Map<String, Object> task = Map.of("title", "Primes", "language", "python",
                "statement", "Count, add up and find the largest of the primes in the input.",
                "assignmentId", assignmentId, "classId", classId,
                "limits", Map.of("cpuSeconds", 1, "wallSeconds", 2, "memoryMib", 256),
                "tests", List.of(Map.of("stdin", "1 2 3 4 5\n", "expectedStdout", "3\n10\n5\n", "hidden", false, "points", 10)));
        return LabTestEnvironment.createTask(() -> as(teacherId, "TEACHER"), task);
    }

    /** A new student of the class, once lab-service has the enrollment (the task answers 404 until then). */
    private UUID enrolledStudent(String taskId) {
        UUID studentId = UUID.randomUUID();
        LabTestEnvironment.enroll(tenantId, classId, studentId, teacherId);
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> as(studentId, "STUDENT").pathParam("id", taskId).get("/api/v1/lab/tasks/{id}").statusCode() == 200);
        return studentId;
    }

    private String submit(UUID studentId, String taskId, String code) {
        return as(studentId, "STUDENT").pathParam("id", taskId).body(Map.of("language", "python", "sourceCode", code))
                .post("/api/v1/lab/tasks/{id}/submissions").then().statusCode(202).extract().path("id");
    }

    /** Asks for a check and answers its Location. */
    private String requestCheck(String taskId, Map<String, Object> body) {
        Response response = as(teacherId, "TEACHER").pathParam("id", taskId).body(body)
                .post("/api/v1/lab/tasks/{id}/similarity-checks");
        response.then().statusCode(202).body("status", equalTo("QUEUED")).body("id", notNullValue())
                .header("Location", notNullValue());
        return response.header("Location");
    }

    /** Polls the check until it is FINISHED or FAILED. */
    private Response finished(String location) {
        Response[] last = new Response[1];
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = as(teacherId, "TEACHER").get(location);
            String status = last[0].path("status");
            return "FINISHED".equals(status) || "FAILED".equals(status);
        });
        return last[0];
    }

    @Test
    void shouldFlagTheCopiedPairWithItsMatchingLinesButNotTheIndependentSolution() {
        String taskId = publishedTask();
        UUID original = enrolledStudent(taskId);
        UUID copier = enrolledStudent(taskId);
        UUID independent = enrolledStudent(taskId);
        submit(original, taskId, "print(0)\n"); // an early try: only each student's latest submission counts
        String originalSubmission = submit(original, taskId, ORIGINAL);
        String copySubmission = submit(copier, taskId, COPY);
        submit(independent, taskId, INDEPENDENT);

        String location = requestCheck(taskId, Map.of("threshold", 0.5));
        Response check = finished(location);
        check.then().statusCode(200).body("status", equalTo("FINISHED")).body("threshold", equalTo(0.5f))
                .body("language", equalTo("python")).body("submissionsCompared", equalTo(3))
                .body("submissionsOmitted", equalTo(0))
                .body("pairs", hasSize(1))
                .body("pairs[0].similarity", greaterThan(0.8f))
                .body("pairs[0].studentA", oneOf(original.toString(), copier.toString()))
                .body("pairs[0].studentB", oneOf(original.toString(), copier.toString()))
                .body("pairs[0].studentA", not(equalTo(check.path("pairs[0].studentB"))))
                .body("pairs[0].submissionA", oneOf(originalSubmission, copySubmission))
                .body("pairs[0].submissionB", oneOf(originalSubmission, copySubmission))
                .body("pairs[0].matches", not(empty()))
                .body("pairs[0].matches.fileA", everyItem(equalTo("main.py")))
                .body("pairs[0].matches.startLineA", everyItem(greaterThanOrEqualTo(1)))
                .body("pairs[0].matches.tokens", everyItem(greaterThanOrEqualTo(12)));
        // The copy spans most of both files.
        int endA = check.path("pairs[0].matches[-1].endLineA");
        int startA = check.path("pairs[0].matches[0].startLineA");
        org.junit.jupiter.api.Assertions.assertTrue(endA - startA >= 25, "matching lines " + startA + "-" + endA);

        String checkId = check.path("id");
        as(teacherId, "TEACHER").pathParams("task", taskId, "check", checkId)
                .get("/api/v1/lab/tasks/{task}/similarity-checks/{check}").then().statusCode(200)
                .body("pairs", hasSize(1));
        as(teacherId, "TEACHER").pathParam("task", taskId).get("/api/v1/lab/tasks/{task}/similarity-checks").then()
                .statusCode(200).body("items.id", containsInAnyOrder(checkId));
        // With threshold 0 every pair is reported, the independent ones far below the copy.
        Response all = finished(requestCheck(taskId, Map.of("threshold", 0)));
        all.then().body("status", equalTo("FINISHED")).body("pairs", hasSize(3))
                .body("pairs[1].similarity", org.hamcrest.Matchers.lessThan(0.5f))
                .body("pairs[2].similarity", org.hamcrest.Matchers.lessThan(0.5f));
    }

    @Test
    void shouldRefuseStudentsAndOtherTeachersAsProblemJson() {
        String taskId = publishedTask();
        UUID student = enrolledStudent(taskId);
        as(student, "STUDENT").pathParam("id", taskId).body(Map.of())
                .post("/api/v1/lab/tasks/{id}/similarity-checks").then().statusCode(403)
                .contentType("application/problem+json");
        as(UUID.randomUUID(), "TEACHER").pathParam("id", taskId).body(Map.of())
                .post("/api/v1/lab/tasks/{id}/similarity-checks").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
        as(UUID.randomUUID(), UUID.randomUUID(), "TEACHER").pathParam("id", taskId).body(Map.of())
                .post("/api/v1/lab/tasks/{id}/similarity-checks").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));

        String location = requestCheck(taskId, Map.of());
        as(student, "STUDENT").get(location).then().statusCode(403).contentType("application/problem+json");
        as(UUID.randomUUID(), "TEACHER").get(location).then().statusCode(403).contentType("application/problem+json");
        as(UUID.randomUUID(), UUID.randomUUID(), "ADMIN").get(location).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
        as(UUID.randomUUID(), "ADMIN").get(location).then().statusCode(200).body("threshold", equalTo(0.5f));
    }

    @Test
    void shouldRefuseAThresholdOutsideZeroToOneAsProblemJson() {
        String taskId = publishedTask();
        for (double threshold : List.of(1.5, -0.1)) {
            as(teacherId, "TEACHER").pathParam("id", taskId).body(Map.of("threshold", threshold))
                    .post("/api/v1/lab/tasks/{id}/similarity-checks").then().statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("VALIDATION_ERROR"))
                    .body("errors[0].field", org.hamcrest.Matchers.endsWith("threshold"));
        }
        as(teacherId, "TEACHER").pathParam("id", taskId).body(Map.of("threshold", "high"))
                .post("/api/v1/lab/tasks/{id}/similarity-checks").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("MALFORMED_REQUEST"));
        as(teacherId, "TEACHER").pathParam("id", taskId).body(Map.of("language", "javascript"))
                .post("/api/v1/lab/tasks/{id}/similarity-checks").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("language"));
        as(teacherId, "TEACHER").pathParam("task", taskId).get("/api/v1/lab/tasks/{task}/similarity-checks").then()
                .statusCode(200).body("items", empty());
    }

    @Test
    void shouldFinishWithNoPairsWhenFewerThanTwoStudentsSubmitted() {
        String taskId = publishedTask();
        finished(requestCheck(taskId, Map.of())).then().body("status", equalTo("FINISHED"))
                .body("submissionsCompared", equalTo(0)).body("pairs", empty());
        UUID student = enrolledStudent(taskId);
        submit(student, taskId, ORIGINAL);
        submit(student, taskId, COPY); // the same student twice is still one submission to compare
        finished(requestCheck(taskId, Map.of())).then().body("status", equalTo("FINISHED"))
                .body("submissionsCompared", equalTo(1)).body("pairs", empty());
    }
}
