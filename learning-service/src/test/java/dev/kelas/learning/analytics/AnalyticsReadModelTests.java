package dev.kelas.learning.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.GradeRecorded;
import dev.kelas.contracts.events.GradeReleased;
import dev.kelas.learning.testing.LearningTestEnvironment;
import dev.kelas.learning.testing.NatsBus;
import dev.kelas.learning.testing.TestSchool;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The analytics read model is fed by the published events only, and a redelivered event has no second effect. */
@QuarkusTest
@WithTestResource(LearningTestEnvironment.class)
class AnalyticsReadModelTests {

    @Test
    void shouldCopyRecordedAndReleasedGradesOnceEach() {
        UUID tenant = UUID.randomUUID();
        UUID grade = UUID.randomUUID();
        UUID assignment = UUID.randomUUID();
        UUID klass = UUID.randomUUID();
        UUID student = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-02T08:00:00Z");
        UUID released = UUID.randomUUID();
        NatsBus.get().publish(Subjects.LEARNING_GRADE_RELEASED, tenant, grade.toString(), new GradeReleased(grade, assignment,
                klass, student, "Essay", new BigDecimal("7"), new BigDecimal("10"), false, at.plusSeconds(60)), released, "m1");
        NatsBus.get().publish(Subjects.LEARNING_GRADE_RECORDED, tenant, grade.toString(), new GradeRecorded(grade, assignment,
                klass, student, "Essay", new BigDecimal("8"), new BigDecimal("10"), "TEACHER", at));
        // The same release once more under another message id: the inbox drops it.
        NatsBus.get().publish(Subjects.LEARNING_GRADE_RELEASED, tenant, grade.toString(), new GradeReleased(grade, assignment,
                klass, student, "Essay", new BigDecimal("7"), new BigDecimal("10"), false, at.plusSeconds(60)), released, "m2");

        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> TestSchool.count(
                "select count(*) from analytics_grade where id = ? and released and recorded_score = 8", grade) == 1);
        assertEquals(1, TestSchool.count("select count(*) from analytics_grade where id = ? and released_score = 7"
                + " and tenant_id = ?", grade, tenant));
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> TestSchool.count(
                "select count(*) from processed_message where message_id = ? and consumer = 'learning-analytics-grades-released'", released) == 1);
        assertEquals(1, TestSchool.count("select count(*) from analytics_watermark where tenant_id = ? and as_of = ?", tenant,
                java.sql.Timestamp.from(at.plusSeconds(60))));
    }
}
