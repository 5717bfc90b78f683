package dev.kelas.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

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
 * "Run" through the edge as a student's editor does it: code with stdin goes to the packaged lab-service's
 * run lane (consumer {@code lab-runs}) and the answer carries stdout, exit status, time and memory.
 */
class LabRunTests {
    static KelasSystem system;
    static School school;
    static School.Person teacher;
    static School.Person student;
    static String taskId;

    @BeforeAll
    static void setUp() {
        system = KelasSystem.get();
        school = School.register(system, "Run School");
        teacher = school.createUser("TEACHER", "Rita Runner");
        student = school.createUser("STUDENT", "Sam Stdin");
        String classId = school.createClass(teacher, "Programming Run");
        school.enroll(teacher, classId, student);
        taskId = school.createPythonTask(teacher, classId, school.publishCodingAssignment(teacher, classId, "Reverse", 10),
                List.of(Map.of("stdin", "ab\n", "expectedStdout", "ba\n", "hidden", false, "points", 10)),
                Map.of("cpuSeconds", 2, "wallSeconds", 5, "memoryMib", 256));
    }

    private static RequestSpecification throughEdge(School.Person person) throws Exception {
        return given().baseUri(system.edgeUrl()).contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + person.accessToken());
    }

    @Test
    void shouldRunAStudentsCodeOnTheirStdinThroughTheEdge() throws Exception {
        Map<String, Object> body = Map.of("language", "python", "code", "import sys\nfor line in sys.stdin:\n    print(line.strip()[::-1])\n",
                "stdin", "kelas\nlab\n");
        Response[] answer = new Response[1];
        // 403 until lab-service has the enrollment from learning's event
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            answer[0] = throughEdge(student).body(body).post("/api/v1/lab/tasks/" + taskId + "/runs");
            return answer[0].statusCode() != 403;
        });
        answer[0].then().statusCode(200).body("status", equalTo("FINISHED")).body("stdout", equalTo("salek\nbal\n"))
                .body("exitCode", equalTo(0)).body("verdict", nullValue()).body("memoryKib", greaterThan(0));
        String runId = answer[0].path("id");
        throughEdge(student).get("/api/v1/lab/runs/" + runId).then().statusCode(200).body("stdout", equalTo("salek\nbal\n"));
        throughEdge(student).get("/api/v1/lab/tasks/" + taskId + "/runs").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(runId));
    }
}
