package dev.kelas.learning.attendance;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A school's attendance rules: the number of absences per class and term that raises the alarm, and how
 * many lates count as one absence (0: lates never do). A school without a row uses {@link #defaults}.
 */
@Entity
@Table(name = "attendance_setting")
public class AttendanceSetting extends PanacheEntityBase {
    /** Absences per class and term before {@code AbsenceLimitReached}, unless the school sets another. */
    public static final int DEFAULT_ABSENCE_LIMIT = 10;
    /** Lates that count as one absence, unless the school sets another. */
    public static final int DEFAULT_LATES_PER_ABSENCE = 3;

    @Id
    public UUID tenantId;
    public int absenceLimit;
    public int latesPerAbsence;
    public Instant updatedAt;

    /** The defaults (limit 10, 3 lates per absence), not stored. */
    public static AttendanceSetting defaults(UUID tenantId) {
        AttendanceSetting setting = new AttendanceSetting();
        setting.tenantId = tenantId;
        setting.absenceLimit = DEFAULT_ABSENCE_LIMIT;
        setting.latesPerAbsence = DEFAULT_LATES_PER_ABSENCE;
        return setting;
    }

    /**
     * Absences counted by the lates rule: absence marks plus one per {@code latesPerAbsence} lates (rounded down).
     *
     * @param absences marks whose status counts as an absence
     * @param lates    marks with the LATE status
     */
    public int absences(long absences, long lates) {
        return (int) (absences + (latesPerAbsence > 0 ? lates / latesPerAbsence : 0));
    }
}
