package dev.kelas.learning.grading;

import dev.kelas.contracts.events.GradeRecorded;
import dev.kelas.contracts.events.GradeReleased;
import dev.kelas.learning.assignment.Assignment;
import dev.kelas.runtime.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * What the outside world hears about grades, kept in one place so hidden grades never leak:
 * {@code kelas.learning.grade.recorded} only for an assignment whose grades are released, and
 * {@code kelas.learning.grade.released} for each grade when they are released.
 */
@ApplicationScoped
public class GradeEvents {
    private final Outbox outbox;

    public GradeEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Announces a new or changed grade, if students may see the assignment's grades. */
    public Uni<Void> recorded(Assignment assignment, Grade grade) {
        if (!assignment.released()) {
            return Uni.createFrom().voidItem();
        }
        return outbox.record(grade.tenantId, new GradeRecorded(grade.id, assignment.id, assignment.classId, grade.studentId, assignment.title,
                        grade.score, grade.maxScore, grade.source, grade.recordedAt)).replaceWithVoid();
    }

    /**
     * Releases an assignment's grades (sets {@code gradesReleasedAt}) and announces each; nothing happens for
     * an assignment already released. Must run in the caller's transaction.
     */
    public Uni<Void> release(Assignment assignment, Instant now) {
        if (assignment.released()) {
            return Uni.createFrom().voidItem();
        }
        assignment.gradesReleasedAt = now;
        return Grade.listForAssignments(List.of(assignment.id)).chain(grades -> {
            Uni<Void> all = Uni.createFrom().voidItem();
            for (Grade grade : grades) {
                all = all.chain(() -> outbox.record(grade.tenantId, new GradeReleased(grade.id, assignment.id, assignment.classId, grade.studentId, assignment.title,
                                grade.score, grade.maxScore, grade.excused, now)).replaceWithVoid());
            }
            return all;
        });
    }
}
