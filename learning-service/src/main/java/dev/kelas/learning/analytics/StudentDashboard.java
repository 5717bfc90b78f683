package dev.kelas.learning.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A student's dashboard, as the student sees it (released grades and visible behaviour notes only), read from the
 * analytics read model.
 *
 * @param asOf            time of the newest event applied to the school's read model, or null before any
 * @param attendancePercent share of the student's register marks that are not absences, in percent (1 decimal), or null without marks
 * @param behaviorPoints  sum of the points of the notes visible to the student
 * @param gradeTrend      average released grade (percent of the points) per ISO week (labels: the week's Monday, UTC)
 * @param charts          the series to plot: {@code gradeTrend}, {@code labBestScores} (task ids, best score)
 */
public record StudentDashboard(UUID studentId, Instant asOf, List<Work> upcoming, List<Work> overdue,
                                       List<RecentGrade> recentGrades, BigDecimal attendancePercent,
                                       List<Absence> recentAbsences, int behaviorPoints, Lab lab, Series gradeTrend,
                                       Map<String, Series> charts) {

    /** The dashboard with its charts derived from its figures. */
    public StudentDashboard(UUID studentId, Instant asOf, List<Work> upcoming, List<Work> overdue, List<RecentGrade> recentGrades,
                            BigDecimal attendancePercent, List<Absence> recentAbsences, int behaviorPoints, Lab lab, Series gradeTrend) {
        this(studentId, asOf, upcoming, overdue, recentGrades, attendancePercent, recentAbsences, behaviorPoints, lab, gradeTrend,
                Map.of("gradeTrend", gradeTrend, "labBestScores", new Series(lab.bestScores().stream().map(t -> t.taskId().toString()).toList(),
                        lab.bestScores().stream().map(TaskScore::bestScore).toList())));
    }

    /** An assignment not yet handed in or graded. */
    public record Work(UUID assignmentId, UUID classId, String title, String kind, Instant dueAt) {
    }

    /** A released grade; {@code percent} is null for an excused one. */
    public record RecentGrade(UUID assignmentId, UUID classId, String title, BigDecimal score, BigDecimal maxScore,
                              boolean excused, BigDecimal percent, Instant releasedAt) {
    }

    /** An absence mark. */
    public record Absence(UUID classId, LocalDate date, String status) {
    }

    /** Lab progress: tasks with a graded submission, tasks with an ACCEPTED one, and the best score per task. */
    public record Lab(int tasksTried, int tasksSolved, List<TaskScore> bestScores) {
    }

    /** The best score of the student's graded submissions of one task. */
    public record TaskScore(UUID taskId, UUID assignmentId, BigDecimal bestScore, BigDecimal maxScore, boolean solved) {
    }

    /** A chart series: {@code labels[i]} goes with {@code values[i]}. */
    public record Series(List<String> labels, List<BigDecimal> values) {
    }
}
