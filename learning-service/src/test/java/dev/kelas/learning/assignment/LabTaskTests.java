package dev.kelas.learning.assignment;

import static dev.kelas.learning.testing.TestSchool.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;

import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.LabTaskArchived;
import dev.kelas.contracts.events.LabTaskCreated;
import dev.kelas.learning.testing.LearningTestEnvironment;
import dev.kelas.learning.testing.NatsBus;
import dev.kelas.learning.testing.TestSchool;
import dev.kelas.learning.testing.TestSchool.Person;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A CODING assignment learns its lab task from {@code kelas.lab.task.created} (published here as lab-service's
 * relay would) and forgets it on {@code kelas.lab.task.archived}; the assignment's GET answer carries
 * {@code labTaskId}, null until then.
 */
@QuarkusTest
@WithTestResource(LearningTestEnvironment.class)
class LabTaskTests {
    TestSchool school;
    Person teacher;
    String classId;

    @BeforeEach
    void setUp() {
        school = TestSchool.create();
        TestSchool.Classroom classroom = school.classroom("Task Teacher", "Tasks", "Task Student");
        teacher = classroom.teacher();
        classId = classroom.classId();
    }

    @Test
    void shouldStoreTheLabTaskIdOnTheAssignmentAndIgnoreARedelivery() {
        String coding = school.createAssignment(teacher, classId, Map.of("kind", "CODING"));
        as(teacher).get("/api/v1/assignments/" + coding).then().statusCode(200)
                .body("$", hasKey("labTaskId")).body("labTaskId", nullValue());
        UUID task = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        NatsBus.get().publish(Subjects.LAB_TASK_CREATED, school.tenantId, task.toString(), created(task, coding),
                eventId, eventId.toString());
        awaitLabTask(coding, task.toString());
        // The same event again (past JetStream's de-duplication, with another payload): the inbox drops it.
        NatsBus.get().publish(Subjects.LAB_TASK_CREATED, school.tenantId, task.toString(), created(UUID.randomUUID(), coding),
                eventId, "again-" + eventId);
        String other = school.createAssignment(teacher, classId, Map.of("kind", "CODING"));
        UUID otherTask = UUID.randomUUID();
        NatsBus.get().publish(Subjects.LAB_TASK_CREATED, school.tenantId, otherTask.toString(), created(otherTask, other));
        awaitLabTask(other, otherTask.toString());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                TestSchool.count("select count(*) from processed_message where message_id = ? and consumer = 'learning-lab-tasks'", eventId) == 1);
        as(teacher).get("/api/v1/assignments/" + coding).then().body("labTaskId", equalTo(task.toString()));
    }

    @Test
    void shouldForgetTheLabTaskOnceItIsArchived() {
        String coding = school.createAssignment(teacher, classId, Map.of("kind", "CODING"));
        UUID task = UUID.randomUUID();
        NatsBus.get().publish(Subjects.LAB_TASK_CREATED, school.tenantId, task.toString(), created(task, coding));
        awaitLabTask(coding, task.toString());
        NatsBus.get().publish(Subjects.LAB_TASK_ARCHIVED, school.tenantId, task.toString(),
                new LabTaskArchived(task, UUID.fromString(coding), UUID.fromString(classId), false, Instant.now()));
        awaitLabTask(coding, null);
    }

    private LabTaskCreated created(UUID task, String assignmentId) {
        return new LabTaskCreated(task, UUID.fromString(assignmentId), UUID.fromString(classId), teacher.id(), teacher.id(),
                "Sum", "python", Instant.now());
    }

    private void awaitLabTask(String assignmentId, String taskId) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                as(teacher).get("/api/v1/assignments/" + assignmentId).then().statusCode(200).body("labTaskId", equalTo(taskId)));
    }
}
