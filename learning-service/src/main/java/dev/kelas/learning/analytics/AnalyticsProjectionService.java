package dev.kelas.learning.analytics;

import dev.kelas.contracts.events.AssignmentDeleted;
import dev.kelas.contracts.events.AssignmentPublished;
import dev.kelas.contracts.events.AssignmentUpdated;
import dev.kelas.contracts.events.AttendanceMarked;
import dev.kelas.contracts.events.BehaviorRecorded;
import dev.kelas.contracts.events.ClassChanged;
import dev.kelas.contracts.events.EnrollmentCreated;
import dev.kelas.contracts.events.EnrollmentTransferred;
import dev.kelas.contracts.events.EnrollmentWithdrawn;
import dev.kelas.contracts.events.GradeRecorded;
import dev.kelas.contracts.events.GradeReleased;
import dev.kelas.contracts.events.SubmissionGraded;
import dev.kelas.contracts.events.SubmissionReceived;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Applies published events to the analytics read model. Each method runs inside the consumer's transaction
 * (the inbox mark is the runtime's) or the rebuild's, and sets values keyed by the fact's own id, so applying an
 * event twice, or events of different subjects in either order, ends in the same rows. An enrollment's end
 * (transfer, withdrawal) is never undone by a late {@code enrollment.created}.
 */
@ApplicationScoped
public class AnalyticsProjectionService {

    /** {@code kelas.learning.enrollment.created}: the student is in the class (ACTIVE unless already ended). */
    public Uni<Void> enrollmentCreated(UUID tenantId, EnrollmentCreated event) {
        return AnalyticsEnrollment.<AnalyticsEnrollment>findById(event.enrollmentId()).chain(found -> {
            AnalyticsEnrollment row = found != null ? found : new AnalyticsEnrollment();
            if (found == null) {
                row.id = event.enrollmentId();
                row.status = "ACTIVE";
            }
            row.tenantId = tenantId;
            row.classId = event.classId();
            row.studentId = event.studentId();
            row.since = event.occurredAt();
            return row.<AnalyticsEnrollment>persist().replaceWith(watermark(tenantId, event.occurredAt()));
        });
    }

    /** {@code kelas.learning.enrollment.transferred}: the old enrollment ends TRANSFERRED (the new one comes as created). */
    public Uni<Void> enrollmentTransferred(UUID tenantId, EnrollmentTransferred event) {
        return endEnrollment(tenantId, event.enrollmentId(), event.fromClassId(), event.studentId(), "TRANSFERRED",
                event.occurredAt());
    }

    /** {@code kelas.learning.enrollment.withdrawn}: the enrollment ends WITHDRAWN. */
    public Uni<Void> enrollmentWithdrawn(UUID tenantId, EnrollmentWithdrawn event) {
        return endEnrollment(tenantId, event.enrollmentId(), event.classId(), event.studentId(), "WITHDRAWN", event.occurredAt());
    }

    private Uni<Void> endEnrollment(UUID tenantId, UUID enrollmentId, UUID classId, UUID studentId, String status, Instant at) {
        return AnalyticsEnrollment.<AnalyticsEnrollment>findById(enrollmentId).chain(found -> {
            AnalyticsEnrollment row = found != null ? found : new AnalyticsEnrollment();
            if (found == null) {
                row.id = enrollmentId;
                row.since = at;
            }
            row.tenantId = tenantId;
            row.classId = classId;
            row.studentId = studentId;
            row.status = status;
            return row.<AnalyticsEnrollment>persist().replaceWith(watermark(tenantId, at));
        });
    }

    /** {@code kelas.learning.assignment.published}: the assignment with its points and due time. */
    public Uni<Void> assignmentPublished(UUID tenantId, AssignmentPublished event) {
        return AnalyticsAssignment.<AnalyticsAssignment>findById(event.assignmentId()).chain(found -> {
            AnalyticsAssignment row = found != null ? found : new AnalyticsAssignment();
            row.id = event.assignmentId();
            row.tenantId = tenantId;
            row.publishedAt = event.occurredAt();
            row.subjectId = event.subjectId();
            if (found == null || found.version == 0) { // a change that came first holds the newer state
                row.classId = event.classId();
                row.title = event.title();
                row.kind = event.kind();
                row.points = event.points();
                row.dueAt = event.dueAt();
            }
            return row.<AnalyticsAssignment>persist().replaceWith(watermark(tenantId, event.occurredAt()));
        });
    }

    /**
     * {@code kelas.learning.assignment.updated}: the new title, points and due time (upcoming and overdue work);
     * a change with a version not above the applied one changes nothing.
     */
    public Uni<Void> assignmentUpdated(UUID tenantId, AssignmentUpdated event) {
        return AnalyticsAssignment.<AnalyticsAssignment>findById(event.assignmentId()).chain(found -> {
            if (found != null && found.version >= event.version()) {
                return Uni.createFrom().voidItem();
            }
            AnalyticsAssignment row = found != null ? found : new AnalyticsAssignment();
            row.id = event.assignmentId();
            row.tenantId = tenantId;
            row.classId = event.classId();
            row.title = event.title();
            row.kind = event.kind();
            row.points = event.points();
            row.dueAt = event.dueAt();
            row.version = event.version();
            if (row.publishedAt == null) {
                row.publishedAt = event.occurredAt(); // until the published event, which came later, sets it
            }
            return row.<AnalyticsAssignment>persist().replaceWith(watermark(tenantId, event.occurredAt()));
        });
    }

    /** {@code kelas.learning.assignment.deleted}: the assignment leaves every figure (a tombstone row stays). */
    public Uni<Void> assignmentDeleted(UUID tenantId, AssignmentDeleted event) {
        return AnalyticsAssignment.<AnalyticsAssignment>findById(event.assignmentId()).chain(found -> {
            AnalyticsAssignment row = found != null ? found : new AnalyticsAssignment();
            if (found == null) {
                row.id = event.assignmentId();
                row.tenantId = tenantId;
                row.classId = event.classId();
                row.title = "";
                row.kind = "";
                row.points = java.math.BigDecimal.ZERO;
                row.publishedAt = event.occurredAt();
            }
            row.deletedAt = event.occurredAt();
            return row.<AnalyticsAssignment>persist().replaceWith(watermark(tenantId, event.occurredAt()));
        });
    }

    /** {@code kelas.learning.submission.received}: a hand-in (the latest attempt's time and lateness). */
    public Uni<Void> submissionReceived(UUID tenantId, SubmissionReceived event) {
        return AnalyticsHandIn.<AnalyticsHandIn>findById(event.submissionId()).chain(found -> {
            AnalyticsHandIn row = found != null ? found : new AnalyticsHandIn();
            row.id = event.submissionId();
            row.tenantId = tenantId;
            row.assignmentId = event.assignmentId();
            row.classId = event.classId();
            row.studentId = event.studentId();
            row.late = event.late();
            row.handedInAt = event.occurredAt();
            return row.<AnalyticsHandIn>persist().replaceWith(activity(tenantId, event.studentId(), event.occurredAt()))
                    .chain(() -> watermark(tenantId, event.occurredAt()));
        });
    }

    /** {@code kelas.learning.grade.recorded}: the teacher's score; the student's view changes only on release. */
    public Uni<Void> gradeRecorded(UUID tenantId, GradeRecorded event) {
        return grade(tenantId, event.gradeId(), event.assignmentId(), event.classId(), event.studentId(), event.assignmentTitle(),
                event.maxScore()).chain(row -> {
                    if (row.recordedAt == null || !event.occurredAt().isBefore(row.recordedAt)) {
                        row.recordedScore = event.score();
                        row.recordedAt = event.occurredAt();
                    }
                    return row.<AnalyticsGrade>persist().replaceWith(watermark(tenantId, event.occurredAt()));
                });
    }

    /** {@code kelas.learning.grade.released}: what the student sees (0 when excused; excused grades count for nothing). */
    public Uni<Void> gradeReleased(UUID tenantId, GradeReleased event) {
        return grade(tenantId, event.gradeId(), event.assignmentId(), event.classId(), event.studentId(), event.assignmentTitle(),
                event.maxScore()).chain(row -> {
                    if (row.releasedAt == null || !event.occurredAt().isBefore(row.releasedAt)) {
                        row.released = true;
                        row.releasedScore = event.score();
                        row.excused = event.excused();
                        row.releasedAt = event.occurredAt();
                    }
                    return row.<AnalyticsGrade>persist().replaceWith(watermark(tenantId, event.occurredAt()));
                });
    }

    private static Uni<AnalyticsGrade> grade(UUID tenantId, UUID gradeId, UUID assignmentId, UUID classId, UUID studentId,
                                             String title, java.math.BigDecimal maxScore) {
        return AnalyticsGrade.<AnalyticsGrade>findById(gradeId).map(found -> {
            AnalyticsGrade row = found != null ? found : new AnalyticsGrade();
            row.id = gradeId;
            row.tenantId = tenantId;
            row.assignmentId = assignmentId;
            row.classId = classId;
            row.studentId = studentId;
            row.title = title;
            row.maxScore = maxScore;
            return row;
        });
    }

    /** {@code kelas.learning.attendance.marked}: each student's latest mark in the session (a correction replaces it). */
    public Uni<Void> attendanceMarked(UUID tenantId, AttendanceMarked event) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (AttendanceMarked.Mark mark : event.marks()) {
            UUID id = UUID.nameUUIDFromBytes((event.sessionId() + "/" + mark.studentId()).getBytes(StandardCharsets.UTF_8));
            chain = chain.chain(() -> AnalyticsAttendance.<AnalyticsAttendance>findById(id).chain(found -> {
                AnalyticsAttendance row = found != null ? found : new AnalyticsAttendance();
                row.id = id;
                row.tenantId = tenantId;
                row.sessionId = event.sessionId();
                row.classId = event.classId();
                row.studentId = mark.studentId();
                row.day = event.date();
                row.subjectId = event.subjectId();
                row.status = mark.status();
                row.absence = mark.absence();
                return row.<AnalyticsAttendance>persist().replaceWith(Uni.createFrom().voidItem());
            }));
        }
        return chain.chain(() -> activity(tenantId, event.markedBy(), event.occurredAt()))
                .chain(() -> watermark(tenantId, event.occurredAt()));
    }

    /** {@code kelas.learning.behavior.recorded}: the note's signed points and whether the student sees it. */
    public Uni<Void> behaviorRecorded(UUID tenantId, BehaviorRecorded event) {
        return AnalyticsBehavior.<AnalyticsBehavior>findById(event.noteId()).chain(found -> {
            AnalyticsBehavior row = found != null ? found : new AnalyticsBehavior();
            row.id = event.noteId();
            row.tenantId = tenantId;
            row.classId = event.classId();
            row.studentId = event.studentId();
            row.points = event.points();
            row.visibleToStudent = event.visibleToStudent();
            row.day = event.date();
            return row.<AnalyticsBehavior>persist().replaceWith(activity(tenantId, event.authorId(), event.occurredAt()))
                    .chain(() -> watermark(tenantId, event.occurredAt()));
        });
    }

    /** {@code kelas.lab.submission.graded}: the submission's verdict and score (a regrade overwrites them). */
    public Uni<Void> labSubmissionGraded(UUID tenantId, SubmissionGraded event) {
        return AnalyticsLabAttempt.<AnalyticsLabAttempt>findById(event.submissionId()).chain(found -> {
            AnalyticsLabAttempt row = found != null ? found : new AnalyticsLabAttempt();
            if (found != null && event.occurredAt().isBefore(found.gradedAt)) {
                return watermark(tenantId, event.occurredAt());
            }
            row.id = event.submissionId();
            row.tenantId = tenantId;
            row.taskId = event.taskId();
            row.assignmentId = event.assignmentId();
            row.classId = event.classId();
            row.studentId = event.studentId();
            row.verdict = event.verdict().name();
            row.score = event.score();
            row.maxScore = event.maxScore();
            row.gradedAt = event.occurredAt();
            return row.<AnalyticsLabAttempt>persist().replaceWith(activity(tenantId, event.studentId(), event.occurredAt()))
                    .chain(() -> watermark(tenantId, event.occurredAt()));
        });
    }

    /** {@code kelas.learning.class.changed}: the class's name, term, grade level and teacher (an older event changes nothing). */
    public Uni<Void> classChanged(UUID tenantId, ClassChanged event) {
        return AnalyticsClass.<AnalyticsClass>findById(event.classId()).chain(found -> {
            if (found != null && event.occurredAt().isBefore(found.changedAt)) {
                return watermark(tenantId, event.occurredAt());
            }
            AnalyticsClass row = found != null ? found : new AnalyticsClass();
            row.id = event.classId();
            row.tenantId = tenantId;
            row.name = event.name();
            row.termId = event.termId();
            row.gradeLevel = event.gradeLevel() == null ? null : event.gradeLevel().shortValue();
            row.teacherId = event.teacherId();
            row.archived = event.archived();
            row.changedAt = event.occurredAt();
            return row.<AnalyticsClass>persist().replaceWith(watermark(tenantId, event.occurredAt()));
        });
    }

    /** Notes that a user did something on the (UTC) day of {@code at}; null users are skipped. */
    private static Uni<Void> activity(UUID tenantId, UUID userId, Instant at) {
        if (userId == null || at == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("insert into analytics_activity (tenant_id, day, user_id)"
                        + " values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, tenantId).setParameter(2, java.time.LocalDate.ofInstant(at, java.time.ZoneOffset.UTC))
                .setParameter(3, userId).executeUpdate()).replaceWithVoid();
    }

    /** Moves the school's {@code asOf} forward to this event's time (never back). */
    private static Uni<Void> watermark(UUID tenantId, Instant at) {
        Instant time = at != null ? at : Instant.EPOCH;
        // One atomic upsert: the ten consumers of a school write this row concurrently, and a read-then-insert
        // lost that race with a duplicate key (the event was then retried).
        return Panache.getSession().chain(session -> session.createNativeQuery("insert into analytics_watermark (tenant_id, as_of)"
                        + " values (?1, ?2) on conflict (tenant_id) do update set as_of = greatest(analytics_watermark.as_of, excluded.as_of)")
                .setParameter(1, tenantId).setParameter(2, time).executeUpdate()).replaceWithVoid();
    }
}
