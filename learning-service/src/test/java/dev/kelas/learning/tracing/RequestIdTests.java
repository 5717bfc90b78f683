package dev.kelas.learning.tracing;

import static dev.kelas.learning.testing.TestSchool.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.Verdict;
import dev.kelas.contracts.events.SubmissionGraded;
import dev.kelas.learning.testing.LearningTestEnvironment;
import dev.kelas.learning.testing.NatsBus;
import dev.kelas.learning.testing.TestSchool;
import dev.kelas.learning.testing.TestSchool.Classroom;
import dev.kelas.learning.testing.TestSchool.Person;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The request id travels in the events (issue 14): the {@code X-Request-Id} of a REST request becomes the
 * {@code requestid} CloudEvents attribute (and {@code X-Request-Id} header) of the events it leads to, and an
 * event consumed with a {@code requestid} passes it on to the events its consumer publishes.
 */
@QuarkusTest
@WithTestResource(LearningTestEnvironment.class)
class RequestIdTests {

    @Test
    void shouldCarryTheRequestIdOfARestRequestIntoItsEvent() throws Exception {
        TestSchool school = TestSchool.create();
        Classroom classroom = school.classroom("Ria Request", "Traced", "Tom Traced");
        String classId = classroom.classId();
        Person student = school.user(dev.kelas.contracts.Role.STUDENT, "Una Unrelated");
        String requestId = "req-" + UUID.randomUUID();

        as(classroom.teacher()).header("X-Request-Id", requestId).body(Map.of("studentId", student.sid()))
                .post("/api/v1/classes/" + classId + "/enrollments").then().statusCode(201).header("X-Request-Id", requestId);

        JsonNode event = NatsBus.get().awaitEvent(Subjects.LEARNING_ENROLLMENT_CREATED,
                d -> d.path("classId").asText().equals(classId) && d.path("studentId").asText().equals(student.sid()));
        assertEquals(requestId, event.path("requestid").asText());
        assertEquals(requestId, headerOf(event.path("id").asText(), Subjects.LEARNING_ENROLLMENT_CREATED));
        assertEquals(1, TestSchool.count("select count(*) from outbox_event where tenant_id = ? and request_id = ?",
                school.tenantId, requestId));
        // The classroom's own enrollment came from another request: it carries that request's id, not this one.
        JsonNode earlier = NatsBus.get().awaitEvent(Subjects.LEARNING_ENROLLMENT_CREATED,
                d -> d.path("classId").asText().equals(classId) && d.path("studentId").asText().equals(classroom.students().get(0).sid()));
        assertFalse(earlier.path("requestid").asText().isEmpty());
        assertFalse(requestId.equals(earlier.path("requestid").asText()));
    }

    @Test
    void shouldPassTheRequestIdOfAConsumedEventOnToTheEventsItLeadsTo() {
        TestSchool school = TestSchool.create();
        Classroom classroom = school.classroom("Lia Lab", "Traced lab", "Ced Coder");
        Person teacher = classroom.teacher();
        String coding = school.createAssignment(teacher, classroom.classId(), Map.of("kind", "CODING", "points", 10));
        as(teacher).post("/api/v1/assignments/" + coding + "/release").then().statusCode(200);
        String requestId = "lab-req-" + UUID.randomUUID();
        UUID submission = UUID.randomUUID();
        Instant now = Instant.now();

        NatsBus.get().publish(Subjects.LAB_SUBMISSION_GRADED, school.tenantId, submission.toString(),
                new SubmissionGraded(submission, UUID.randomUUID(), UUID.fromString(coding), UUID.fromString(classroom.classId()),
                        classroom.students().get(0).id(), Verdict.ACCEPTED, new BigDecimal("10"), new BigDecimal("10"), List.of(),
                        now, now.minusSeconds(5)), UUID.randomUUID(), submission.toString(), requestId);

        JsonNode recorded = NatsBus.get().awaitEvent(Subjects.LEARNING_GRADE_RECORDED,
                d -> d.path("assignmentId").asText().equals(coding));
        assertEquals(requestId, recorded.path("requestid").asText());
    }

    /** The {@code X-Request-Id} header of the event with this id, read from JetStream. */
    private static String headerOf(String eventId, String subject) throws Exception {
        JetStreamSubscription subscription = NatsBus.get().connection().jetStream().subscribe(subject,
                PullSubscribeOptions.builder().configuration(ConsumerConfiguration.builder().deliverPolicy(DeliverPolicy.All)
                        .filterSubject(subject).build()).build());
        try {
            for (int round = 0; round < 50; round++) {
                for (Message message : subscription.fetch(100, Duration.ofSeconds(1))) {
                    if (message.getHeaders() != null && eventId.equals(message.getHeaders().getFirst("Nats-Msg-Id"))) {
                        return message.getHeaders().getFirst("X-Request-Id");
                    }
                }
            }
            return null;
        } finally {
            subscription.unsubscribe();
        }
    }
}
