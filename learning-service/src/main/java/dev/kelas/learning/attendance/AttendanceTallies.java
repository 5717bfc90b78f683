package dev.kelas.learning.attendance;

import dev.kelas.learning.attendance.AttendanceReportService.Tally;
import dev.kelas.learning.member.Member;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Counts a school's attendance marks by its own statuses and rules ({@link Tallier}): per status, absences by the
 * lates rule, and the attendance percentage {@code sum(points) / (max(points) * marked) * 100}, 2 decimals, half up.
 */
@ApplicationScoped
public class AttendanceTallies {
    private final AttendanceSettingsService settings;

    public AttendanceTallies(AttendanceSettingsService settings) {
        this.settings = settings;
    }

    /** The school's statuses and rules, ready to count marks. */
    public record Tallier(Map<String, AttendanceStatus> statuses, AttendanceSetting setting, BigDecimal best) {
        /** Counts, absences and percentage of these status codes. */
        public Tally tally(Collection<String> codes) {
            Map<String, Long> counts = new TreeMap<>();
            codes.forEach(code -> counts.merge(code, 1L, Long::sum));
            return tallyCounts(counts);
        }

        /** Counts, absences and percentage of marks given as how many there are of each status code. */
        public Tally tallyCounts(Map<String, Long> countsByCode) {
            Map<String, Long> counts = new TreeMap<>(countsByCode);
            BigDecimal points = BigDecimal.ZERO;
            long absences = 0;
            long marked = 0;
            for (Map.Entry<String, Long> entry : counts.entrySet()) {
                marked += entry.getValue();
                AttendanceStatus status = statuses.get(entry.getKey());
                if (status != null) {
                    points = points.add(status.points.multiply(BigDecimal.valueOf(entry.getValue())));
                    absences += status.countsAsAbsence ? entry.getValue() : 0;
                }
            }
            long lates = counts.getOrDefault(AttendanceStatus.LATE, 0L);
            BigDecimal percentage = marked == 0 || best.signum() == 0 ? null
                    : points.multiply(BigDecimal.valueOf(100)).divide(best.multiply(BigDecimal.valueOf(marked)), 2, RoundingMode.HALF_UP);
            return new Tally(counts, marked, setting.absences(absences, lates), percentage);
        }

        /** Absences by the lates rule per student, from tally rows. */
        public Map<UUID, Integer> absencesByStudent(List<AttendanceMark.Tally> rows) {
            return AttendanceTallies.absencesByStudent(statuses, setting, rows);
        }
    }

    /**
     * Absences by the lates rule per student, from tally rows, in the order the students first appear.
     *
     * @param statuses the school's statuses by code
     * @param setting  the school's rules (lates per absence)
     */
    public static Map<UUID, Integer> absencesByStudent(Map<String, AttendanceStatus> statuses, AttendanceSetting setting,
                                                       List<AttendanceMark.Tally> rows) {
        Map<UUID, long[]> counts = new LinkedHashMap<>();
        for (AttendanceMark.Tally row : rows) {
            long[] c = counts.computeIfAbsent(row.studentId(), id -> new long[2]);
            AttendanceStatus status = statuses.get(row.status());
            if (status != null && status.countsAsAbsence) {
                c[0] += row.count();
            }
            if (AttendanceStatus.LATE.equals(row.status())) {
                c[1] += row.count();
            }
        }
        Map<UUID, Integer> result = new LinkedHashMap<>();
        counts.forEach((id, c) -> result.put(id, setting.absences(c[0], c[1])));
        return result;
    }

    /** The school's statuses and settings as a {@link Tallier}. */
    public Uni<Tallier> tallier(UUID tenantId) {
        return settings.statuses(tenantId).chain(statuses -> settings.settings(tenantId).map(setting -> {
            Map<String, AttendanceStatus> byCode = new HashMap<>();
            statuses.forEach(s -> byCode.put(s.code, s));
            BigDecimal best = statuses.stream().map(s -> s.points).max(Comparator.naturalOrder()).orElse(BigDecimal.ZERO);
            return new Tallier(byCode, setting, best);
        }));
    }

    /** The names of these users, by id (a user unknown here is left out). */
    public static Uni<Map<UUID, String>> names(UUID tenantId, Collection<UUID> userIds) {
        return Member.listInTenant(tenantId, userIds).map(members -> {
            Map<UUID, String> names = new HashMap<>();
            members.forEach(m -> names.put(m.userId, m.name));
            return names;
        });
    }
}
