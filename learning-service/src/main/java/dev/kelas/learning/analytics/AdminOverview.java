package dev.kelas.learning.analytics;

import dev.kelas.learning.analytics.StudentDashboard.Series;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The school's overview for its administrators, from the analytics read model only. It is a staff view: grade
 * averages count recorded grades whether released or not ({@code includesUnreleasedGrades} says so).
 *
 * @param weekOf                   the Monday (UTC) of the current ISO week, the start of "this week"
 * @param classes                  the classes that are not archived, by name
 * @param subjects                 the subjects that work or register sessions count toward, by id
 * @param labSubmissionsPerDay     graded lab submissions per UTC day of the last 14 days (today last), zeros included
 * @param weeklyTrends             per ISO week with any data (labels: the week's Monday), oldest first; null where a week has none
 * @param charts                   every series above ready to plot: {@code gradeAverageByClass}, {@code attendanceByClass},
 *                                 {@code gradeAverageBySubject}, {@code attendanceBySubject}, {@code labSubmissionsPerDay},
 *                                 {@code weeklyGradeAverage}, {@code weeklyAttendance}, {@code weeklyLabSubmissions},
 *                                 {@code weeklyActiveUsers}
 */
public record AdminOverview(Instant asOf, boolean includesUnreleasedGrades, LocalDate weekOf, Counts counts,
                            List<ClassFigures> classes, List<SubjectFigures> subjects, Series labSubmissionsPerDay,
                            Trends weeklyTrends, Map<String, Series> charts) {

    /**
     * The school's counts.
     *
     * @param students            distinct students with an ACTIVE enrollment in a class that is not archived
     * @param teachers            distinct homeroom teachers of the classes that are not archived
     * @param classes             classes that are not archived
     * @param activeUsersThisWeek distinct users who handed in, submitted code, marked a register or wrote a behaviour
     *                            note since {@code weekOf}
     */
    public record Counts(long students, long teachers, long classes, long activeUsersThisWeek) {
    }

    /**
     * One class's figures: ACTIVE students, the share of its register marks that are not absences, and the mean
     * percent of its recorded grades (released or not; excused released grades count for nothing), 1 decimal.
     */
    public record ClassFigures(UUID classId, String name, Integer gradeLevel, long students, BigDecimal attendancePercent,
                               BigDecimal gradeAverage) {
    }

    /** One subject's figures over every class: marks of its lessons, recorded grades of work counting toward it. */
    public record SubjectFigures(UUID subjectId, BigDecimal attendancePercent, BigDecimal gradeAverage) {
    }

    /** Weekly trends: {@code labels[i]} (a Monday) goes with each list's {@code [i]}. */
    public record Trends(List<String> labels, List<BigDecimal> gradeAverage, List<BigDecimal> attendancePercent,
                         List<BigDecimal> labSubmissions, List<BigDecimal> activeUsers) {
    }
}
