package dev.kelas.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.empty;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A similarity check through the edge as a teacher runs it: three students submit (one copies another with new
 * names and comments), the teacher asks for a check, the packaged lab-service runs JPlag in the background on
 * {@code lab-similarity-checks}, and the teacher reads the one flagged pair at the check's Location; a student
 * may not ask.
 */
class LabSimilarityTests {
    private static final String ORIGINAL = """
            import sys

            def count_words(text):
                counts = {}
                for word in text.split():
                    word = word.lower()
                    if word in counts:
                        counts[word] += 1
                    else:
                        counts[word] = 1
                return counts

            def main():
                counts = count_words(sys.stdin.read())
                best = None
                for word in counts:
                    if best is None or counts[word] > counts[best]:
                        best = word
                print(len(counts))
                if best is not None:
                    print(best, counts[best])

            main()
            """;
    private static final String COPY = """
            import sys
            # word frequencies
            def tally(s):
                t = {}
                for w in s.split():
                    w = w.lower()
                    if w in t:
                        t[w] += 1
                    else:
                        t[w] = 1
                return t
            def run():
                t = tally(sys.stdin.read())
                top = None
                for w in t:
                    if top is None or t[w] > t[top]:   # the most frequent
                        top = w
                print(len(t))
                if top is not None:
                    print(top, t[top])
            run()
            """;
    private static final String INDEPENDENT = """
            from collections import Counter
            from sys import stdin

            c = Counter(map(str.lower, stdin.read().split()))
            print(len(c))
            print(*(c.most_common(1)[0] if c else ()))
            """;

    static KelasSystem system;
    static School school;
    static School.Person teacher;
    static School.Person[] students;
    static String taskId;

    @BeforeAll
    static void setUp() {
        system = KelasSystem.get();
        school = School.register(system, "Similarity School");
        teacher = school.createUser("TEACHER", "Sima Larity");
        students = new School.Person[] {school.createUser("STUDENT", "Olga Original"), school.createUser("STUDENT", "Carl Copy"),
                school.createUser("STUDENT", "Ines Independent")};
        String classId = school.createClass(teacher, "Programming Similarity");
        for (School.Person student : students) {
            school.enroll(teacher, classId, student);
        }
        taskId = school.createPythonTask(teacher, classId, school.publishCodingAssignment(teacher, classId, "Word count", 10),
                List.of(Map.of("stdin", "a b a\n", "expectedStdout", "2\na 2\n", "hidden", false, "points", 10)),
                Map.of("cpuSeconds", 2, "wallSeconds", 5, "memoryMib", 256));
    }

    private static RequestSpecification throughEdge(School.Person person) throws Exception {
        return given().baseUri(system.edgeUrl()).contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + person.accessToken());
    }

    @Test
    void shouldFlagTheCopiedPairThroughTheEdge() throws Exception {
        school.submit(students[0], taskId, ORIGINAL);
        school.submit(students[1], taskId, COPY);
        school.submit(students[2], taskId, INDEPENDENT);
        throughEdge(students[0]).body(Map.of()).post("/api/v1/lab/tasks/" + taskId + "/similarity-checks").then()
                .statusCode(403).contentType("application/problem+json");

        Response asked = throughEdge(teacher).body(Map.of("threshold", 0.6)).post("/api/v1/lab/tasks/" + taskId + "/similarity-checks");
        asked.then().statusCode(202).body("status", equalTo("QUEUED"));
        String location = asked.header("Location");
        Response[] check = new Response[1];
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            check[0] = throughEdge(teacher).get(location);
            return List.of("FINISHED", "FAILED").contains(check[0].<String>path("status"));
        });
        check[0].then().statusCode(200).body("status", equalTo("FINISHED")).body("submissionsCompared", equalTo(3))
                .body("pairs", hasSize(1)).body("pairs[0].similarity", greaterThan(0.8f))
                .body("pairs[0].matches", not(empty()));
        check[0].then().body("pairs.collect { [it.studentA, it.studentB] }.flatten()",
                containsInAnyOrder(students[0].id(), students[1].id()));
    }
}
