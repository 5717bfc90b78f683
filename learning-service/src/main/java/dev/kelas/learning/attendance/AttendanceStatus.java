package dev.kelas.learning.attendance;

import dev.kelas.runtime.persistence.TenantEntity;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A school's attendance status (after Moodle's Attendance module): a code such as {@code PRESENT}, a label,
 * the points it earns towards the attendance percentage and whether it counts as an absence. A school
 * without rows uses {@link #defaults}.
 */
@Entity
@Table(name = "attendance_status")
public class AttendanceStatus extends TenantEntity {
    /** The code of the status {@code restPresent} gives. */
    public static final String PRESENT = "PRESENT";
    /** The code of the late status: only it takes {@code minutesLate}, and the lates rule counts it. */
    public static final String LATE = "LATE";

    public String code;
    public String label;
    public BigDecimal points;
    public boolean countsAsAbsence;
    public int position;

    /** A status not yet stored. */
    public static AttendanceStatus of(UUID tenantId, String code, String label, BigDecimal points, boolean countsAsAbsence, int position) {
        AttendanceStatus status = new AttendanceStatus();
        status.id = UUID.randomUUID();
        status.tenantId = tenantId;
        status.code = code;
        status.label = label;
        status.points = points;
        status.countsAsAbsence = countsAsAbsence;
        status.position = position;
        return status;
    }

    /** The default set: PRESENT (2 points), LATE (1), EXCUSED (2, not an absence), ABSENT (0, an absence); not stored. */
    public static List<AttendanceStatus> defaults(UUID tenantId) {
        return List.of(
                of(tenantId, PRESENT, "Present", BigDecimal.valueOf(2), false, 0),
                of(tenantId, LATE, "Late", BigDecimal.ONE, false, 1),
                of(tenantId, "EXCUSED", "Excused", BigDecimal.valueOf(2), false, 2),
                of(tenantId, "ABSENT", "Absent", BigDecimal.ZERO, true, 3));
    }

    /** The school's stored statuses in order (empty when it uses the defaults). */
    public static Uni<List<AttendanceStatus>> stored(UUID tenantId) {
        return list("tenantId = ?1 order by position", tenantId);
    }
}
