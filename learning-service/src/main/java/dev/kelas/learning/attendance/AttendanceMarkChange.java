package dev.kelas.learning.attendance;

import dev.kelas.runtime.persistence.TenantEntity;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One change of an existing mark: old and new status and remark, who, when and why. The table is append-only
 * (a trigger refuses UPDATE and DELETE).
 */
@Entity
@Table(name = "attendance_mark_change")
public class AttendanceMarkChange extends TenantEntity {
    public UUID markId;
    public UUID sessionId;
    public UUID studentId;
    public String oldStatus;
    public String newStatus;
    public String oldRemark;
    public String newRemark;
    /** Why; required for a change after the session's day, else optional. */
    public String reason;
    public UUID changedBy;
    public Instant changedAt;

    /** The change of a mark from its current values to new ones, not yet stored (call before changing the mark). */
    public static AttendanceMarkChange of(AttendanceMark mark, String newStatus, String newRemark, String reason, UUID changedBy,
                                          Instant now) {
        AttendanceMarkChange change = new AttendanceMarkChange();
        change.id = UUID.randomUUID();
        change.tenantId = mark.tenantId;
        change.markId = mark.id;
        change.sessionId = mark.sessionId;
        change.studentId = mark.studentId;
        change.oldStatus = mark.status;
        change.newStatus = newStatus;
        change.oldRemark = mark.remark;
        change.newRemark = newRemark;
        change.reason = reason;
        change.changedBy = changedBy;
        change.changedAt = now;
        return change;
    }

    /** A session's changes, oldest first. */
    public static Uni<List<AttendanceMarkChange>> listForSession(UUID sessionId) {
        return list("sessionId = ?1 order by changedAt, id", sessionId);
    }
}
