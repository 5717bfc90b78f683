package dev.kelas.learning.grading;

import static dev.kelas.learning.testing.TestSchool.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.kelas.contracts.Role;
import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.Verdict;
import dev.kelas.contracts.events.SubmissionGraded;
import dev.kelas.learning.testing.LearningTestEnvironment;
import dev.kelas.learning.testing.NatsBus;
import dev.kelas.learning.testing.TestSchool;
import dev.kelas.learning.testing.TestSchool.Person;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CODING grades arriving from lab-service as {@code kelas.lab.submission.graded} over NATS (published here as
 * lab-service's relay would): best or latest attempt, the late policy, teacher overrides and the finalization lock.
 */
@QuarkusTest
@WithTestResource(LearningTestEnvironment.class)
class LabGradeTests {
    TestSchool school;
    Person teacher;
    Person student;
    String classId;

    @BeforeEach
    void setUp() {
        school = TestSchool.create();
        TestSchool.Classroom classroom = school.classroom("Lab Teacher", "Lab", "Code Student");
        teacher = classroom.teacher();
        student = classroom.students().get(0);
        classId = classroom.classId();
    }

    @Test
    void shouldTakeTheBestAttemptByDefault() {
        String coding = school.createAssignment(teacher, classId, Map.of("kind", "CODING", "points", 20));
        Instant t0 = Instant.now().minus(Duration.ofHours(3));
        graded(coding, UUID.randomUUID(), "3", "4", t0, t0.plusSeconds(5));          // 15 of 20
        awaitScore(coding, 15.0f);
        graded(coding, UUID.randomUUID(), "1", "4", t0.plusSeconds(60), t0.plusSeconds(65)); // 5: the best stays
        graded(coding, UUID.randomUUID(), "4", "4", t0.plusSeconds(120), t0.plusSeconds(125)); // 20
        awaitScore(coding, 20.0f);
        as(teacher).get("/api/v1/assignments/" + coding + "/grades/" + student.sid() + "/history").then()
                .body("newScore", equalTo(List.of(15.0f, 20.0f))).body("source", equalTo(List.of("LAB", "LAB")))
                .body("[0].changedBy", equalTo(null));
    }

    @Test
    void shouldTakeTheLatestAttemptWhenTheAssignmentSaysSoEvenIfGradedOutOfOrder() {
        String coding = school.createAssignment(teacher, classId, Map.of("kind", "CODING", "points", 10,
                "codingScorePolicy", "LATEST"));
        Instant t0 = Instant.now().minus(Duration.ofHours(1));
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        // The later attempt (3 of 10) is graded first, the earlier (10 of 10) after it: the grade is the later one's.
        graded(coding, second, "3", "10", t0.plusSeconds(60), t0.plusSeconds(70));
        awaitScore(coding, 3.0f);
        graded(coding, first, "10", "10", t0, t0.plusSeconds(80));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                TestSchool.count("select count(*) from lab_result where submission_id = ?", first) == 1);
        awaitScore(coding, 3.0f);
        awaitHistory(coding, 1);
        // A regrade of the latest attempt changes the grade.
        graded(coding, second, "6", "10", t0.plusSeconds(60), t0.plusSeconds(90));
        awaitScore(coding, 6.0f);
    }

    @Test
    void shouldApplyTheLatePolicyToLabAttempts() {
        Instant due = Instant.now().minus(Duration.ofDays(3));
        String penalised = school.createAssignment(teacher, classId, Map.of("kind", "CODING", "points", 10,
                "dueAt", due.toString(), "latePenaltyPercent", 20));
        // Submitted 30 hours late: 2 started days at 20 % = 40 % off 10 points = 6.
        graded(penalised, UUID.randomUUID(), "5", "5", due.plus(Duration.ofHours(30)), Instant.now());
        awaitScore(penalised, 6.0f);

        String refusing = school.createAssignment(teacher, classId, Map.of("kind", "CODING", "points", 10,
                "dueAt", due.toString(), "latePolicy", "REFUSE"));
        graded(refusing, UUID.randomUUID(), "5", "5", due.plusSeconds(60), Instant.now());    // late: does not count
        graded(refusing, UUID.randomUUID(), "2", "5", due.minusSeconds(60), Instant.now());   // on time: 4 of 10
        awaitScore(refusing, 4.0f);
    }

    @Test
    void shouldKeepATeachersGradeAndAFinalizedGradeAsTheyAre() {
        String subject = school.createSubject("CS");
        String part = school.addComponent(subject, "Labs");
        String coding = school.createAssignment(teacher, classId, Map.of("kind", "CODING", "points", 10,
                "subjectId", subject, "componentId", part));
        graded(coding, UUID.randomUUID(), "5", "10", Instant.now().minusSeconds(60), Instant.now());
        awaitScore(coding, 5.0f);
        as(teacher).body(Map.of("points", 9, "reason", "Oral defence")).put("/api/v1/assignments/" + coding + "/grades/" + student.sid())
                .then().statusCode(200).body("source", equalTo("TEACHER"));
        graded(coding, UUID.randomUUID(), "10", "10", Instant.now().minusSeconds(30), Instant.now());
        String other = school.createAssignment(teacher, classId, Map.of("kind", "CODING", "points", 10,
                "subjectId", subject, "componentId", part));
        as(teacher).body(Map.of("method", "AVERAGE", "components", List.of(Map.of("componentId", part))))
                .put("/api/v1/classes/" + classId + "/subjects/" + subject + "/grading").then().statusCode(200);
        as(teacher).post("/api/v1/classes/" + classId + "/subjects/" + subject + "/grading/finalize").then().statusCode(200);
        UUID late = UUID.randomUUID();
        graded(other, late, "10", "10", Instant.now().minusSeconds(10), Instant.now());
        // Both events are applied (their lab results are kept: see lab_result) but neither grade moves; the
        // finalized gradebook counts the ungraded assignment as missing.
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                TestSchool.count("select count(*) from lab_result where submission_id = ?", late) == 1);
        as(teacher).get("/api/v1/classes/" + classId + "/gradebook").then()
                .body(row() + ".scores." + coding, equalTo(9.0f))
                .body(row() + ".grades." + other + ".status", equalTo("MISSING"));
        org.junit.jupiter.api.Assertions.assertEquals(0, TestSchool.count("select count(*) from grade where assignment_id = ?",
                UUID.fromString(other)));
    }

    @Test
    void shouldAuditARegradedSubmissionWithSourceRegradeAndItsOldAndNewScore() {
        String coding = school.createAssignment(teacher, classId, Map.of("kind", "CODING", "points", 20));
        Instant t0 = Instant.now().minus(Duration.ofHours(2));
        UUID submission = UUID.randomUUID();
        graded(coding, submission, "1", "4", t0, t0.plusSeconds(5));                  // 5 of 20, WRONG_ANSWER
        awaitScore(coding, 5.0f);
        UUID regrade = UUID.randomUUID();
        NatsBus.get().publish(Subjects.LAB_SUBMISSION_GRADED, school.tenantId, submission.toString(),
                new SubmissionGraded(submission, UUID.randomUUID(), UUID.fromString(coding), UUID.fromString(classId),
                        student.id(), Verdict.ACCEPTED, new BigDecimal("4"), new BigDecimal("4"), List.of(),
                        t0.plusSeconds(600), t0, regrade, new BigDecimal("1"), Verdict.WRONG_ANSWER));
        awaitScore(coding, 20.0f);
        awaitHistory(coding, 3);
        as(teacher).get("/api/v1/assignments/" + coding + "/grades/" + student.sid() + "/history").then()
                .body("source", equalTo(List.of("LAB", "LAB", "REGRADE")))
                .body("[2].oldScore", equalTo(5.0f)).body("[2].newScore", equalTo(20.0f))
                .body("[2].oldVerdict", equalTo("WRONG_ANSWER")).body("[2].newVerdict", equalTo("ACCEPTED"))
                .body("[2].labSubmissionId", equalTo(submission.toString()))
                .body("[2].regradeId", equalTo(regrade.toString()))
                .body("[0].regradeId", equalTo(null));
    }

    private void graded(String assignmentId, UUID submissionId, String score, String max, Instant submittedAt, Instant gradedAt) {
        NatsBus.get().publish(Subjects.LAB_SUBMISSION_GRADED, school.tenantId, submissionId.toString(),
                new SubmissionGraded(submissionId, UUID.randomUUID(), UUID.fromString(assignmentId), UUID.fromString(classId),
                        student.id(), new BigDecimal(score).compareTo(new BigDecimal(max)) == 0 ? Verdict.ACCEPTED : Verdict.WRONG_ANSWER,
                        new BigDecimal(score), new BigDecimal(max), List.of(), gradedAt, submittedAt));
    }

    private void awaitScore(String assignmentId, float score) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                as(teacher).get("/api/v1/classes/" + classId + "/gradebook").then().statusCode(200)
                        .body(row() + ".scores." + assignmentId, equalTo(score)));
    }

    private void awaitHistory(String assignmentId, int entries) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                as(teacher).get("/api/v1/assignments/" + assignmentId + "/grades/" + student.sid() + "/history").then()
                        .body("", hasSize(entries)));
    }

    private String row() {
        return "rows.find { it.studentId == '%s' }".formatted(student.sid());
    }
}
