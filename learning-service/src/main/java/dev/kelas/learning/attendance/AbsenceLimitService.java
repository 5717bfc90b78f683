package dev.kelas.learning.attendance;

import dev.kelas.contracts.events.AbsenceLimitReached;
import dev.kelas.learning.enrollment.Enrollment;
import dev.kelas.learning.enrollment.SchoolClass;
import dev.kelas.runtime.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The absence limit: a student whose absences in the class's term (lates counted by the school's rule) reach the
 * school's limit is announced once per enrollment as {@code kelas.learning.attendance.absence-limit-reached}.
 */
@ApplicationScoped
public class AbsenceLimitService {
    private final AttendanceSettingsService settings;
    private final Outbox outbox;

    public AbsenceLimitService(AttendanceSettingsService settings, Outbox outbox) {
        this.settings = settings;
        this.outbox = outbox;
    }

    /**
     * Announces each of these students whose absences in the class's term reached the limit, once per enrollment.
     * Runs in the caller's transaction, after the marks are flushed.
     *
     * @param byCode      the school's statuses by code
     * @param enrollments the class's enrollments (the latest of a student is the one announced)
     */
    public Uni<Void> checkLimits(SchoolClass schoolClass, List<UUID> studentIds, Map<String, AttendanceStatus> byCode,
                                 List<Enrollment> enrollments, Instant now) {
        return settings.settings(schoolClass.tenantId).chain(rule -> AttendanceMark.tallyInTerm(schoolClass.tenantId,
                List.of(schoolClass.id), studentIds).chain(tallies -> {
            Map<UUID, Integer> reached = new LinkedHashMap<>();
            AttendanceTallies.absencesByStudent(byCode, rule, tallies).forEach((studentId, absences) -> {
                if (absences >= rule.absenceLimit) {
                    reached.put(studentId, absences);
                }
            });
            if (reached.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            Map<UUID, Enrollment> current = new HashMap<>();
            for (Enrollment enrollment : enrollments) {
                if (reached.containsKey(enrollment.studentId)) {
                    // The latest enrollment of the student in the class is the one that counts.
                    current.merge(enrollment.studentId, enrollment, (a, b) -> a.createdAt.isAfter(b.createdAt) ? a : b);
                }
            }
            return AbsenceLimitNotice.announced(current.values().stream().map(e -> e.id).toList()).chain(done -> {
                Uni<Void> all = Uni.createFrom().voidItem();
                for (Enrollment enrollment : current.values()) {
                    if (done.contains(enrollment.id)) {
                        continue;
                    }
                    AbsenceLimitNotice notice = new AbsenceLimitNotice();
                    notice.enrollmentId = enrollment.id;
                    notice.tenantId = schoolClass.tenantId;
                    notice.absences = reached.get(enrollment.studentId);
                    notice.limit = rule.absenceLimit;
                    notice.reachedAt = now;
                    all = all.chain(() -> notice.persist())
                            .chain(() -> outbox.record(schoolClass.tenantId, new AbsenceLimitReached(enrollment.id, enrollment.studentId,
                                    schoolClass.id, schoolClass.teacherId, schoolClass.name, notice.absences, notice.limit, now)))
                            .replaceWithVoid();
                }
                return all;
            });
        }));
    }
}
