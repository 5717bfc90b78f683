package dev.kelas.learning.analytics;

import dev.kelas.learning.analytics.AdminOverview.ClassFigures;
import dev.kelas.learning.analytics.AdminOverview.Counts;
import dev.kelas.learning.analytics.AdminOverview.SubjectFigures;
import dev.kelas.learning.analytics.AdminOverview.Trends;
import dev.kelas.learning.analytics.StudentDashboard.Series;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The admin overview, aggregated in PostgreSQL over the analytics read model (never the transactional tables). A grade
 * counts as its latest recorded score, else its released one, as percent of its points, unless it was released
 * excused; averages are means of those percents rounded to 1 decimal (half up).
 */
@ApplicationScoped
public class AnalyticsOverviewService {
    /** Days of {@link AdminOverview#labSubmissionsPerDay}. */
    static final int LAB_DAYS = 14;
    private static final String GRADE_PERCENT = "coalesce(g.recorded_score, g.released_score) * 100 / g.max_score";
    private static final String COUNTED_GRADE = "g.max_score > 0 and coalesce(g.recorded_score, g.released_score) is not null"
            + " and not (g.released and g.excused)";
    private static final String PRESENT_PERCENT = "round(100.0 * count(*) filter (where not a.absence) / nullif(count(*), 0), 1)";

    /** The overview of the caller's school at {@code now} (administrators; checked by the resource). */
    @WithSession
    public Uni<AdminOverview> overview(UUID tenant, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate weekOf = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate firstLabDay = today.minusDays(LAB_DAYS - 1);
        return rows("select (select count(distinct student_id) from analytics_enrollment where tenant_id = ?1 and status = 'ACTIVE'"
                + " and class_id not in (select id from analytics_class where tenant_id = ?1 and archived)),"
                + " (select count(distinct teacher_id) from analytics_class where tenant_id = ?1 and not archived),"
                + " (select count(*) from analytics_class where tenant_id = ?1 and not archived),"
                + " (select count(distinct user_id) from analytics_activity where tenant_id = ?1 and day >= ?2)", tenant, weekOf)
                .map(r -> new Counts(number(r.get(0)[0]).longValue(), number(r.get(0)[1]).longValue(), number(r.get(0)[2]).longValue(),
                        number(r.get(0)[3]).longValue()))
                .chain(counts -> rows("select c.id::text, c.name, c.grade_level::int,"
                        + " (select count(distinct e.student_id) from analytics_enrollment e where e.tenant_id = ?1 and e.class_id = c.id and e.status = 'ACTIVE'),"
                        + " (select " + PRESENT_PERCENT + " from analytics_attendance a where a.tenant_id = ?1 and a.class_id = c.id),"
                        + " (select round(avg(" + GRADE_PERCENT + "), 1) from analytics_grade g where g.tenant_id = ?1 and g.class_id = c.id and "
                        + COUNTED_GRADE + ")"
                        + " from analytics_class c where c.tenant_id = ?1 and not c.archived order by c.name, c.id", tenant)
                .map(r -> r.stream().map(x -> new ClassFigures(UUID.fromString((String) x[0]), (String) x[1],
                        x[2] == null ? null : number(x[2]).intValue(), number(x[3]).longValue(), number(x[4]), number(x[5]))).toList())
                .chain(classes -> rows("with att as (select a.subject_id, " + PRESENT_PERCENT + " pct from analytics_attendance a"
                        + " where a.tenant_id = ?1 and a.subject_id is not null group by a.subject_id),"
                        + " gr as (select s.subject_id, round(avg(" + GRADE_PERCENT + "), 1) av from analytics_grade g"
                        + " join analytics_assignment s on s.id = g.assignment_id where g.tenant_id = ?1 and s.subject_id is not null and "
                        + COUNTED_GRADE + " group by s.subject_id)"
                        + " select coalesce(att.subject_id, gr.subject_id)::text, att.pct, gr.av from att full join gr on att.subject_id = gr.subject_id"
                        + " order by 1", tenant)
                .map(r -> r.stream().map(x -> new SubjectFigures(UUID.fromString((String) x[0]), number(x[1]), number(x[2]))).toList())
                .chain(subjects -> rows("select (graded_at at time zone 'UTC')::date::text, count(*) from analytics_lab_attempt"
                        + " where tenant_id = ?1 and graded_at >= ?2 group by 1", tenant, firstLabDay.atStartOfDay().toInstant(ZoneOffset.UTC))
                .map(r -> {
                    Map<String, BigDecimal> byDay = new HashMap<>();
                    r.forEach(x -> byDay.put((String) x[0], number(x[1])));
                    List<String> labels = new ArrayList<>();
                    List<BigDecimal> values = new ArrayList<>();
                    for (LocalDate d = firstLabDay; !d.isAfter(today); d = d.plusDays(1)) {
                        labels.add(d.toString());
                        values.add(byDay.getOrDefault(d.toString(), BigDecimal.ZERO));
                    }
                    return new Series(labels, values);
                })
                .chain(labPerDay -> rows("select w::text, kind, v from ("
                        + " select date_trunc('week', coalesce(g.recorded_at, g.released_at) at time zone 'UTC')::date w, 'grade' kind,"
                        + " round(avg(" + GRADE_PERCENT + "), 1) v from analytics_grade g where g.tenant_id = ?1 and " + COUNTED_GRADE
                        + " and coalesce(g.recorded_at, g.released_at) is not null group by 1"
                        + " union all select date_trunc('week', a.day::timestamp)::date, 'attendance', " + PRESENT_PERCENT
                        + " from analytics_attendance a where a.tenant_id = ?1 group by 1"
                        + " union all select date_trunc('week', graded_at at time zone 'UTC')::date, 'lab', count(*)"
                        + " from analytics_lab_attempt where tenant_id = ?1 group by 1"
                        + " union all select date_trunc('week', day::timestamp)::date, 'active', count(distinct user_id)"
                        + " from analytics_activity where tenant_id = ?1 group by 1) t order by 1", tenant)
                .map(r -> trends(r))
                .chain(trends -> asOf(tenant).map(asOf -> new AdminOverview(asOf, true, weekOf, counts, classes, subjects, labPerDay,
                        trends, charts(classes, subjects, labPerDay, trends))))))));
    }

    private static Trends trends(List<Object[]> rows) {
        TreeMap<String, Map<String, BigDecimal>> byWeek = new TreeMap<>();
        rows.forEach(x -> byWeek.computeIfAbsent((String) x[0], w -> new HashMap<>()).put((String) x[1], number(x[2])));
        List<String> labels = new ArrayList<>(byWeek.keySet());
        List<BigDecimal> grade = new ArrayList<>();
        List<BigDecimal> attendance = new ArrayList<>();
        List<BigDecimal> lab = new ArrayList<>();
        List<BigDecimal> active = new ArrayList<>();
        byWeek.values().forEach(v -> {
            grade.add(v.get("grade"));
            attendance.add(v.get("attendance"));
            lab.add(v.getOrDefault("lab", BigDecimal.ZERO));
            active.add(v.getOrDefault("active", BigDecimal.ZERO));
        });
        return new Trends(labels, grade, attendance, lab, active);
    }

    private static Map<String, Series> charts(List<ClassFigures> classes, List<SubjectFigures> subjects, Series labPerDay, Trends trends) {
        Map<String, Series> charts = new LinkedHashMap<>();
        List<String> classNames = classes.stream().map(ClassFigures::name).toList();
        charts.put("gradeAverageByClass", new Series(classNames, classes.stream().map(ClassFigures::gradeAverage).toList()));
        charts.put("attendanceByClass", new Series(classNames, classes.stream().map(ClassFigures::attendancePercent).toList()));
        List<String> subjectIds = subjects.stream().map(s -> s.subjectId().toString()).toList();
        charts.put("gradeAverageBySubject", new Series(subjectIds, subjects.stream().map(SubjectFigures::gradeAverage).toList()));
        charts.put("attendanceBySubject", new Series(subjectIds, subjects.stream().map(SubjectFigures::attendancePercent).toList()));
        charts.put("labSubmissionsPerDay", labPerDay);
        charts.put("weeklyGradeAverage", new Series(trends.labels(), trends.gradeAverage()));
        charts.put("weeklyAttendance", new Series(trends.labels(), trends.attendancePercent()));
        charts.put("weeklyLabSubmissions", new Series(trends.labels(), trends.labSubmissions()));
        charts.put("weeklyActiveUsers", new Series(trends.labels(), trends.activeUsers()));
        return charts;
    }

    @SuppressWarnings("unchecked")
    private static Uni<List<Object[]>> rows(String sql, Object... params) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return query.getResultList().map(list -> ((List<Object>) list).stream()
                    .map(o -> o instanceof Object[] a ? a : new Object[] {o}).toList());
        });
    }

    private static BigDecimal number(Object value) {
        return value == null ? null : value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
    }

    private static Uni<Instant> asOf(UUID tenant) {
        return AnalyticsWatermark.<AnalyticsWatermark>findById(tenant).map(w -> w == null ? null : w.asOf);
    }
}
