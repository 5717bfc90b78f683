package dev.kelas.lab.review;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.AssignmentPublished;
import dev.kelas.lab.testing.LabTestEnvironment;
import io.nats.client.Nats;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Not a test: the figures of {@code ./kelas bench review [N M]} (which sets {@code KELAS_BENCH=review}), on the real
 * PostgreSQL, nats-server, sandbox and tools, with {@link AiStandIn} as the AI provider (the one allowed stand-in, a
 * local server speaking Anthropic's Messages wire format).
 *
 * <ol>
 *   <li>The offline reviewer's added time per language (python, c, java, javascript): N (5) graded submissions of a
 *       known-bad program each, after one warm-up; for each, the review's own duration ({@code code_review.wall_millis})
 *       against the grading of the same submission ({@code code_submission.graded_at - started_at}), p50 of both and
 *       their ratio, and the verdict-to-stored-review delay ({@code code_review.created_at - graded_at}).</li>
 *   <li>Time to first token through the stand-in: M (10) AI reviews; from the chain's {@code review-started} live
 *       update to the first {@code review-delta} on the student's live subject (core NATS, what notification-service
 *       forwards to SSE), against the stand-in's own (request received to first piece written), and what Kelas adds
 *       after the provider's first piece (written to received on the live subject). One JVM: the times are all
 *       {@code System.nanoTime()}.</li>
 * </ol>
 * Prints the table and writes it to {@code lab-service/target/bench-review.txt}.
 */
@QuarkusTest
@EnabledIfEnvironmentVariable(named = "KELAS_BENCH", matches = "review")
@QuarkusTestResource(value = LabTestEnvironment.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = AiStandIn.class, restrictToAnnotatedClass = true, initArgs = @ResourceArg(name = "chain", value = "good"))
class ReviewBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A known-bad program per language: a wrong answer on a visible test, and something for the tools to find. */
    private static final Map<String, String> PROGRAMS = new LinkedHashMap<>();

    static {
        PROGRAMS.put("python", "import os\na, b = map(int, input().split())\nprint(abs(a) + abs(b))\n");
        PROGRAMS.put("c", "#include <stdio.h>\n#include <stdlib.h>\nint main(void) {\n    int a, b, unused;\n"
                + "    if (scanf(\"%d %d\", &a, &b) != 2) return 1;\n    printf(\"%d\\n\", abs(a) + abs(b));\n    return 0;\n}\n");
        PROGRAMS.put("java", "import java.util.*;\npublic class Main {\n    public static void main(String[] args) {\n"
                + "        Scanner in = new Scanner(System.in);\n        int a = in.nextInt(), b = in.nextInt();\n"
                + "        List raw = new ArrayList();\n        raw.add(a);\n        System.out.println(Math.abs(a) + Math.abs(b));\n    }\n}\n");
        PROGRAMS.put("javascript", "const [a, b] = require('fs').readFileSync(0, 'utf8').trim().split(' ').map(Number);\n"
                + "let unused = 1;\nconsole.log(Math.abs(a) + Math.abs(b));\n");
    }

    private final UUID tenantId = UUID.randomUUID();
    private final UUID teacherId = UUID.randomUUID();
    private final UUID classId = UUID.randomUUID();

    private RequestSpecification as(UUID userId, String role) {
        return given().contentType(ContentType.JSON).auth().oauth2(LabTestEnvironment.tokens().token(userId, tenantId, role));
    }

    private String task(String language, String mode) {
        UUID assignmentId = UUID.randomUUID();
        LabTestEnvironment.events().publish(Subjects.LEARNING_ASSIGNMENT_PUBLISHED, tenantId, assignmentId.toString(),
                new AssignmentPublished(assignmentId, classId, teacherId, "Sum " + language, "CODING", BigDecimal.TEN,
                        Instant.now().plus(Duration.ofDays(7)), Instant.now(), null));
        String taskId = LabTestEnvironment.createTask(() -> as(teacherId, "TEACHER"), Map.of("title", "Sum", "language", language,
                "statement", "Print a + b.", "assignmentId", assignmentId, "classId", classId,
                "limits", Map.of("cpuSeconds", 5, "wallSeconds", 10, "memoryMib", 512),
                "tests", List.of(Map.of("stdin", "1 2\n", "expectedStdout", "3\n", "hidden", false, "points", 5),
                        Map.of("stdin", "2 -1\n", "expectedStdout", "1\n", "hidden", false, "points", 5))));
        as(teacherId, "TEACHER").pathParam("id", taskId).body(Map.of("mode", mode)).put("/api/v1/lab/tasks/{id}/feedback-settings")
                .then().statusCode(200);
        return taskId;
    }

    private UUID enrolledStudent() {
        UUID studentId = UUID.randomUUID();
        LabTestEnvironment.enroll(tenantId, classId, studentId, teacherId);
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() ->
                as(studentId, "STUDENT").pathParam("id", classId).get("/api/v1/lab/classes/{id}/tasks").statusCode() == 200);
        return studentId;
    }

    /** Submits and waits for the review; returns the submission id. */
    private String reviewed(UUID student, String taskId, String language) {
        String submissionId = as(student, "STUDENT").pathParam("id", taskId).body(Map.of("language", language, "sourceCode", PROGRAMS.get(language)))
                .post("/api/v1/lab/tasks/{id}/submissions").then().statusCode(202).extract().path("id");
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20)).until(() ->
                as(student, "STUDENT").get("/api/v1/lab/submissions/" + submissionId + "/review").statusCode() == 200);
        return submissionId;
    }

    /** The tools that ran and those missing in the review of one submission, from the database. */
    private static String tools(String submissionId) throws Exception {
        try (java.sql.Connection db = DriverManager.getConnection(LabTestEnvironment.jdbcUrl());
             PreparedStatement query = db.prepareStatement("select tools_run, tools_missing from code_review where submission_id = ?")) {
            query.setObject(1, UUID.fromString(submissionId));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                String missing = row.getString(2);
                return row.getString(1) + ("[]".equals(missing) ? "" : " missing " + missing);
            }
        }
    }

    /** {grading ms, review ms, verdict-to-stored ms} of one submission, from the database. */
    private static long[] timings(String submissionId) throws Exception {
        try (java.sql.Connection db = DriverManager.getConnection(LabTestEnvironment.jdbcUrl());
             PreparedStatement query = db.prepareStatement("""
                     select extract(epoch from (s.graded_at - s.started_at)) * 1000, r.wall_millis,
                            extract(epoch from (r.created_at - s.graded_at)) * 1000, r.provider
                     from code_submission s join code_review r on r.submission_id = s.id where s.id = ?""")) {
            query.setObject(1, UUID.fromString(submissionId));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new long[]{Math.round(row.getDouble(1)), row.getLong(2), Math.round(row.getDouble(3))};
            }
        }
    }

    @Test
    void printTheReviewFigures() throws Exception {
        int perLanguage = Integer.parseInt(System.getenv().getOrDefault("KELAS_BENCH_REVIEW_N", "5"));
        int aiReviews = Integer.parseInt(System.getenv().getOrDefault("KELAS_BENCH_REVIEW_AI", "10"));
        List<String> out = new ArrayList<>();
        out.add("Offline reviewer: its added time per submission against the grading of the same submission (p50 of "
                + perLanguage + " each, after one warm-up)");
        out.add(String.format("%-11s %12s %12s %8s %20s  %s", "language", "grading ms", "review ms", "ratio", "verdict->stored ms",
                "tools run"));
        UUID student = enrolledStudent();
        for (String language : PROGRAMS.keySet()) {
            String taskId = task(language, "OFFLINE");
            reviewed(student, taskId, language); // warm-up
            List<Long> grading = new ArrayList<>();
            List<Long> review = new ArrayList<>();
            List<Long> stored = new ArrayList<>();
            String tools = "";
            for (int i = 0; i < perLanguage; i++) {
                String submissionId = reviewed(student, taskId, language);
                tools = tools(submissionId);
                long[] t = timings(submissionId);
                grading.add(t[0]);
                review.add(t[1]);
                stored.add(t[2]);
            }
            double ratio = (double) p(review, 50) / Math.max(1, p(grading, 50));
            out.add(String.format("%-11s %12d %12d %7.2fx %20d  %s", language, p(grading, 50), p(review, 50), ratio, p(stored, 50), tools));
        }

        // time to first token: one fresh student per AI review (the stand-in's profile allows 3 a day each)
        String aiTask = task("python", "AI");
        Map<String, Long> startedAt = new ConcurrentHashMap<>();
        Map<String, Long> firstDeltaAt = new ConcurrentHashMap<>();
        List<Long> kelasTtft = new ArrayList<>();
        List<Long> standInTtft = new ArrayList<>();
        List<Long> added = new ArrayList<>();
        try (io.nats.client.Connection nats = Nats.connect(LabTestEnvironment.natsUrl())) {
            nats.createDispatcher(message -> {
                long now = System.nanoTime();
                try {
                    JsonNode update = JSON.readTree(new String(message.getData(), StandardCharsets.UTF_8));
                    String submission = update.path("data").path("submissionId").asText();
                    String type = update.path("type").asText();
                    if (ReviewEventListener.STARTED_TYPE.equals(type)) {
                        startedAt.putIfAbsent(submission, now);
                    } else if (ReviewEventListener.DELTA_TYPE.equals(type)) {
                        firstDeltaAt.putIfAbsent(submission, now);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).subscribe("kelas.live." + tenantId + ".>");
            nats.flush(Duration.ofSeconds(5));
            for (int i = 0; i <= aiReviews; i++) {
                int before = AiStandIn.firstPieces.size();
                String submissionId = reviewed(enrolledStudent(), aiTask, "python");
                Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> firstDeltaAt.containsKey(submissionId));
                if (i == 0 || AiStandIn.firstPieces.size() != before + 1) {
                    continue; // warm-up
                }
                long[] piece = AiStandIn.firstPieces.get(before);
                kelasTtft.add(firstDeltaAt.get(submissionId) - startedAt.get(submissionId));
                standInTtft.add(piece[1] - piece[0]);
                added.add(firstDeltaAt.get(submissionId) - piece[1]);
            }
        }
        out.add("");
        out.add("Time to first token through the stand-in (Anthropic Messages wire format), p50 / p99 of " + kelasTtft.size() + " AI reviews");
        out.add(String.format("  through Kelas: review-started to the first review-delta on the student's live subject  %7.1f / %7.1f ms",
                p(kelasTtft, 50) / 1e6, p(kelasTtft, 99) / 1e6));
        out.add(String.format("  the stand-in's own: request received to its first piece written                        %7.1f / %7.1f ms",
                p(standInTtft, 50) / 1e6, p(standInTtft, 99) / 1e6));
        out.add(String.format("  what Kelas adds after the first piece (written to received on the live subject)         %7.1f / %7.1f ms",
                p(added, 50) / 1e6, p(added, 99) / 1e6));
        if (!AiStandIn.violations.isEmpty()) {
            out.add("stand-in violations: " + AiStandIn.violations);
        }
        String report = String.join("\n", out) + "\n";
        System.out.print(report);
        Files.writeString(Path.of("target", "bench-review.txt"), report);
    }

    private static long p(List<Long> values, int percentile) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * percentile / 100.0) - 1));
    }
}
