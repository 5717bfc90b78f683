package dev.kelas.learning.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A class's dashboard for its teachers, from the analytics read model (recorded grades count here, released or not).
 *
 * @param waitingToBeGraded per assignment, the ACTIVE students who handed in and have no grade yet
 * @param handInRates       per assignment due by now, students who handed in (or were graded) over ACTIVE students, in percent
 * @param gradeHistogram    recorded grades as percent of their points in ten buckets: labels {@code 0-9} to {@code 90-100}, values counts
 * @param atRisk            ACTIVE students past a threshold of {@link AnalyticsService#AT_RISK_GRADE_PERCENT},
 *                          {@link AnalyticsService#AT_RISK_ATTENDANCE_PERCENT} or {@link AnalyticsService#AT_RISK_MISSING_WORK}
 * @param includesUnreleasedGrades always true: this staff view counts recorded grades, released or not
 * @param charts            the series to plot: {@code gradeHistogram}, {@code handInRates} (assignment titles, percent),
 *                          {@code waitingToBeGraded} (assignment titles, hand-ins waiting)
 */
public record ClassDashboard(UUID classId, Instant asOf, int students, List<Waiting> waitingToBeGraded,
                             List<HandInRate> handInRates, StudentDashboard.Series gradeHistogram, List<AtRisk> atRisk,
                             boolean includesUnreleasedGrades, Map<String, StudentDashboard.Series> charts) {

    /** The dashboard with its charts derived from its figures. */
    public ClassDashboard(UUID classId, Instant asOf, int students, List<Waiting> waitingToBeGraded, List<HandInRate> handInRates,
                          StudentDashboard.Series gradeHistogram, List<AtRisk> atRisk) {
        this(classId, asOf, students, waitingToBeGraded, handInRates, gradeHistogram, atRisk, true,
                charts(waitingToBeGraded, handInRates, gradeHistogram));
    }

    private static Map<String, StudentDashboard.Series> charts(List<Waiting> waiting, List<HandInRate> rates,
                                                              StudentDashboard.Series histogram) {
        Map<String, StudentDashboard.Series> charts = new LinkedHashMap<>();
        charts.put("gradeHistogram", histogram);
        charts.put("handInRates", new StudentDashboard.Series(rates.stream().map(HandInRate::title).toList(),
                rates.stream().map(HandInRate::percent).toList()));
        charts.put("waitingToBeGraded", new StudentDashboard.Series(waiting.stream().map(Waiting::title).toList(),
                waiting.stream().map(w -> BigDecimal.valueOf(w.waiting())).toList()));
        return charts;
    }

    /** Hand-ins of one assignment that wait for a grade. */
    public record Waiting(UUID assignmentId, String title, int waiting) {
    }

    /** How many ACTIVE students handed in an assignment due by now. */
    public record HandInRate(UUID assignmentId, String title, Instant dueAt, int handedIn, int students, BigDecimal percent) {
    }

    /** A student at risk and why (codes GRADE_AVERAGE, ATTENDANCE, MISSING_WORK). */
    public record AtRisk(UUID studentId, BigDecimal gradeAverage, BigDecimal attendancePercent, int missingWork,
                         List<String> reasons) {
    }
}
