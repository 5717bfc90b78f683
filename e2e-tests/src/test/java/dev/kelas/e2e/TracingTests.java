package dev.kelas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kelas.e2e.TraceCollector.ReceivedSpan;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * One submission is one trace: the REST call, the outbox publish, the grader, the gradebook, the
 * notification and the SSE push, across four services and NATS, read from the tests' in-memory OTLP
 * collector. The client starts the trace itself (a {@code traceparent} header), so the test knows
 * its trace id among everything else the suite does.
 */
class TracingTests {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void shouldFollowOneSubmissionFromRestCallToSsePushAsOneTrace() {
        KelasSystem system = KelasSystem.get();
        School school = School.register(system, "Traced School");
        School.Person teacher = school.createUser("TEACHER", "Tracy Teacher");
        School.Person student = school.createUser("STUDENT", "Trace Student");
        String classId = school.createClass(teacher, "Tracing 1");
        school.enroll(teacher, classId, student);
        String assignment = school.publishCodingAssignment(teacher, classId, "Traced sum", 10);
        String task = school.createPythonTask(teacher, classId, assignment,
                List.of(Map.of("stdin", "1 2\n", "expectedStdout", "3\n", "hidden", false, "points", 10)),
                Map.of("cpuSeconds", 2, "wallSeconds", 5, "memoryMib", 256));
        school.submit(student, task, "print(0)\n"); // waits until lab-service knows the enrollment

        HexFormat hex = HexFormat.of();
        String traceId = hex.formatHex(bytes(16));
        String clientSpanId = hex.formatHex(bytes(8));
        String submission = school.as(student, "lab-service").header("traceparent", "00-" + traceId + "-" + clientSpanId + "-01")
                .body(Map.of("language", "python", "sourceCode", "a, b = map(int, input().split())\nprint(a + b)\n"))
                .post("/api/v1/lab/tasks/" + task + "/submissions").then().statusCode(202).extract().path("id");
        assertEquals("ACCEPTED", school.awaitGraded(student, submission).path("verdict"));

        // The last link is the push to the SSE streams; wait until the whole chain has been exported.
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    List<ReceivedSpan> spans = inTrace(system, traceId);
                    return spans.stream().anyMatch(s -> s.name().equals("kelas.push deliver"))
                            && spans.stream().anyMatch(s -> s.name().equals("kelas.learning.grade.recorded publish"));
                });
        List<ReceivedSpan> trace = inTrace(system, traceId);

        ReceivedSpan request = one(trace, s -> s.service().equals("lab-service") && s.kind().equals("SERVER"), "lab-service's REST span");
        assertEquals(clientSpanId, request.parentSpanId(), "the REST span continues the client's trace");
        ReceivedSpan created = one(trace, named("lab-service", "kelas.lab.submission.created publish"), "the outbox publish");
        assertTrue(descends(created, request, trace), "the publish descends from the REST call");
        ReceivedSpan graded = one(trace, named("lab-service", "kelas.lab.submission.created process"), "the grader");
        assertEquals(created.spanId(), graded.parentSpanId(), "the grader continues from the NATS header");
        ReceivedSpan gradedPublish = one(trace, named("lab-service", "kelas.lab.submission.graded publish"), "the verdict publish");
        assertTrue(descends(gradedPublish, graded, trace), "the verdict is published from the grader's trace");
        // Two learning-service consumers process the verdict: the gradebook and the analytics read model.
        List<ReceivedSpan> learningConsumers = trace.stream()
                .filter(named("learning-service", "kelas.lab.submission.graded process")).toList();
        assertEquals(2, learningConsumers.size(), "the gradebook and the analytics read model: " + trace);
        learningConsumers.forEach(consumer -> assertEquals(gradedPublish.spanId(), consumer.parentSpanId()));
        ReceivedSpan gradePublish = one(trace, named("learning-service", "kelas.learning.grade.recorded publish"), "the grade publish");
        assertTrue(learningConsumers.stream().anyMatch(gradebook -> descends(gradePublish, gradebook, trace)),
                "the grade is published from the gradebook update");
        ReceivedSpan notified = one(trace, named("notification-service", "kelas.lab.submission.graded process"), "the notification");
        assertEquals(gradedPublish.spanId(), notified.parentSpanId());
        ReceivedSpan gradeNotified = one(trace, named("notification-service", "kelas.learning.grade.recorded process"),
                "the grade notification");
        assertEquals(gradePublish.spanId(), gradeNotified.parentSpanId());
        ReceivedSpan pushed = trace.stream().filter(named("notification-service", "kelas.push deliver")).findFirst().orElseThrow();
        assertTrue(descends(pushed, notified, trace) || descends(pushed, gradeNotified, trace), "the SSE push descends from a notification");
    }

    private static List<ReceivedSpan> inTrace(KelasSystem system, String traceId) {
        return system.spans().stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    private static Predicate<ReceivedSpan> named(String service, String name) {
        return s -> s.service().equals(service) && s.name().equals(name);
    }

    private static ReceivedSpan one(List<ReceivedSpan> trace, Predicate<ReceivedSpan> which, String what) {
        List<ReceivedSpan> found = trace.stream().filter(which).toList();
        assertEquals(1, found.size(), what + " should be one span of the trace, found " + found + " in " + trace);
        return found.get(0);
    }

    /** Whether {@code span} is {@code ancestor} or below it, following parent ids within the trace. */
    private static boolean descends(ReceivedSpan span, ReceivedSpan ancestor, List<ReceivedSpan> trace) {
        Optional<ReceivedSpan> current = Optional.of(span);
        for (int depth = 0; depth < 50 && current.isPresent(); depth++) {
            if (current.get().spanId().equals(ancestor.spanId())) {
                return true;
            }
            String parent = current.get().parentSpanId();
            current = trace.stream().filter(s -> s.spanId().equals(parent)).findFirst();
        }
        return false;
    }

    private static byte[] bytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        bytes[0] |= 1; // never all zero (an invalid id)
        return bytes;
    }
}
