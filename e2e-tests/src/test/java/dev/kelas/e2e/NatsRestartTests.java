package dev.kelas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * NATS restarts under load (issue 17), against the real services, PostgreSQL, sandbox and the private nats-server:
 * while four students submit programs (up to 15 each, one every 0.7 to 1.9 s, for as long as the restarts last)
 * and their SSE streams are open, nats-server is restarted 20 times at random points (a SIGKILL or a clean stop,
 * down for up to 1.5 s, and four times for 3 to 6 s) with its store kept, and no Kelas process is restarted. Every submission must be accepted (202), graded, and in its student's inbox exactly
 * once; no SSE stream may carry a submission's verdict twice; while NATS is down the services' readiness goes down,
 * and after the last restart every service is ready again by itself. Then one 8-second outage: the submissions made
 * during it are published on the first attempt once NATS is back (the relay waited instead of failing).
 */
class NatsRestartTests {
    private static final String SUM = "a, b = map(int, input().split())\nprint(a + b)\n";
    private static final int STUDENTS = 4;
    private static final int SUBMISSIONS_EACH = 15;
    private static final int RESTARTS = 20;

    static KelasSystem system;
    static School school;
    static School.Person teacher;
    static List<School.Person> students = new ArrayList<>();
    static String taskId;

    @BeforeAll
    static void setUp() {
        system = KelasSystem.get();
        school = School.register(system, "Restart School");
        teacher = school.createUser("TEACHER", "Rita Restart");
        String classId = school.createClass(teacher, "Resilience 1");
        for (int i = 0; i < STUDENTS; i++) {
            School.Person student = school.createUser("STUDENT", "Student " + i);
            school.enroll(teacher, classId, student);
            students.add(student);
        }
        String assignment = school.publishCodingAssignment(teacher, classId, "Sum under restarts", 10);
        taskId = school.createPythonTask(teacher, classId, assignment, List.of(
                        Map.of("stdin", "1 2\n", "expectedStdout", "3\n", "hidden", false, "points", 10)),
                Map.of("cpuSeconds", 1, "wallSeconds", 2, "memoryMib", 256));
    }

    @Test
    void everySubmissionIsGradedAndNotifiedOnceThroughTwentyNatsRestarts() throws Exception {
        for (School.Person student : students) {
            school.submit(student, taskId, SUM); // each student's enrollment has reached lab-service (403 until then)
        }
        List<SseClient> streams = new ArrayList<>();
        Map<String, School.Person> owner = new java.util.concurrent.ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(STUDENTS + 2);
        AtomicBoolean submitting = new AtomicBoolean(true);
        AtomicInteger sawNotReady = new AtomicInteger();
        List<String> restarts = new CopyOnWriteArrayList<>();
        try {
            for (School.Person student : students) {
                streams.add(SseClient.connect(system.url("notification-service") + "/api/v1/notifications/stream",
                        Map.of("Authorization", "Bearer " + student.accessToken())));
            }
            Random random = new Random(17);
            Future<?> chaos = pool.submit(() -> {
                for (int i = 0; i < RESTARTS; i++) {
                    sleep(200 + random.nextInt(600));
                    boolean kill = random.nextBoolean();
                    // mostly short outages; one in five long enough for publishes and fetches to time out
                    long down = i % 5 == 2 ? 3000 + random.nextInt(3000) : random.nextInt(1500);
                    restarts.add((kill ? "kill" : "stop") + " " + down + " ms");
                    system.restartNats(kill, Duration.ofMillis(down));
                }
                return null;
            });
            pool.submit(() -> { // readiness as Kubernetes would probe it, while the restarts go on
                while (!chaos.isDone()) {
                    if (system.readiness("lab-service") != 200) {
                        sawNotReady.incrementAndGet();
                    }
                    sleep(100);
                }
                return null;
            });
            List<Future<List<String>>> submitters = new ArrayList<>();
            for (School.Person student : students) {
                submitters.add(pool.submit(() -> {
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < SUBMISSIONS_EACH && submitting.get() && !chaos.isDone(); i++) {
                        String id = school.as(student, "lab-service").body(Map.of("language", "python", "sourceCode", SUM))
                                .post("/api/v1/lab/tasks/" + taskId + "/submissions").then().statusCode(202).extract().path("id");
                        ids.add(id);
                        owner.put(id, student);
                        sleep(700 + random.nextInt(1200)); // spread over the restarts
                    }
                    return ids;
                }));
            }
            List<String> submitted = new ArrayList<>();
            for (Future<List<String>> submitter : submitters) {
                submitted.addAll(submitter.get());
            }
            chaos.get();
            assertTrue(submitted.size() >= STUDENTS * 8, "submissions made during the restarts: " + submitted.size());

            for (String service : KelasSystem.SERVICES) {
                // by itself: a connection JetStream went silent on is dropped after kelas.nats.stuck-after (10 s), maybe twice
                Awaitility.await("readiness of " + service + " after the last restart").atMost(Duration.ofSeconds(120))
                        .pollInterval(Duration.ofMillis(200)).until(() -> system.readiness(service) == 200);
            }
            for (String id : submitted) {
                Awaitility.await("submission " + id + " graded (restarts: " + restarts + ")").atMost(Duration.ofSeconds(90))
                        .pollInterval(Duration.ofMillis(200)).until(() -> "GRADED".equals(school.as(owner.get(id), "lab-service")
                                .get("/api/v1/lab/submissions/" + id).path("status")));
            }
            // Each student's inbox holds one verdict notification per submission of theirs, and no more.
            for (School.Person student : students) {
                List<String> theirs = submitted.stream().filter(id -> owner.get(id) == student).toList();
                Awaitility.await("inbox of " + student.email()).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                        .until(() -> verdictNotices(student).keySet().containsAll(theirs));
            }
            sleep(2000); // a duplicate would arrive within this
            Map<String, Integer> sseCount = new HashMap<>();
            for (SseClient stream : streams) {
                SseClient.Event event;
                while ((event = stream.next(Duration.ofMillis(50))) != null) {
                    if ("kelas.lab.submission.graded".equals(event.name())) {
                        for (String id : submitted) {
                            if (event.data().contains(id)) {
                                sseCount.merge(id, 1, Integer::sum);
                            }
                        }
                    }
                }
            }
            for (School.Person student : students) {
                Map<String, Integer> notices = verdictNotices(student);
                notices.forEach((id, count) -> assertEquals(1, count, "notifications of submission " + id));
            }
            sseCount.forEach((id, count) -> assertEquals(1, count, "SSE verdicts of submission " + id));
            assertTrue(sawNotReady.get() > 0, "lab-service stayed ready through every outage: " + restarts);

            // A long outage: what is submitted while NATS is away waits in the outbox untouched (the relay claims
            // nothing while NATS is unhealthy, so no failed attempt grows a backoff) and goes out once it is back.
            Future<?> outage = pool.submit(() -> {
                system.restartNats(true, Duration.ofSeconds(8));
                return null;
            });
            Awaitility.await("lab-service not ready while NATS is down").atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(50)).until(() -> system.readiness("lab-service") != 200);
            List<String> duringOutage = new ArrayList<>();
            for (School.Person student : students) {
                duringOutage.add(school.as(student, "lab-service").body(Map.of("language", "python", "sourceCode", SUM))
                        .post("/api/v1/lab/tasks/" + taskId + "/submissions").then().statusCode(202).extract().path("id"));
            }
            outage.get();
            for (int i = 0; i < duringOutage.size(); i++) {
                School.Person student = students.get(i);
                String id = duringOutage.get(i);
                Awaitility.await("submission " + id + " graded after the long outage").atMost(Duration.ofSeconds(90))
                        .pollInterval(Duration.ofMillis(200)).until(() -> "GRADED".equals(school.as(student, "lab-service")
                                .get("/api/v1/lab/submissions/" + id).path("status")));
            }
            String ids = String.join("','", duringOutage);
            assertEquals("1", system.sqlValue("lab-service", "select max(attempts) from outbox_event"
                    + " where type = 'kelas.lab.submission.created' and payload->>'submissionId' in ('" + ids + "')"),
                    "publish attempts of an event written while NATS was down");
            System.out.printf("NATS restarts: %s; %d submissions graded, %d verdicts over SSE, not ready seen %d times%n",
                    restarts, submitted.size(), sseCount.size(), sawNotReady.get());
        } finally {
            submitting.set(false);
            pool.shutdownNow();
            streams.forEach(SseClient::close);
        }
    }

    /** A student's verdict notifications per submission id, with how many there are of each. */
    private static Map<String, Integer> verdictNotices(School.Person student) {
        Map<String, Integer> counts = new HashMap<>();
        String cursor = null;
        do {
            var page = school.as(student, "notification-service")
                    .get("/api/v1/notifications?size=100" + (cursor == null ? "" : "&before=" + cursor)).then().statusCode(200).extract();
            List<Map<String, Object>> items = page.path("items");
            for (Map<String, Object> item : items) {
                if ("kelas.lab.submission.graded".equals(item.get("type")) && item.get("data") instanceof Map<?, ?> data
                        && data.get("submissionId") != null) {
                    counts.merge(String.valueOf(data.get("submissionId")), 1, Integer::sum);
                }
            }
            Object next = page.path("nextCursor");
            cursor = next == null ? null : String.valueOf(next);
        } while (cursor != null);
        return counts;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
