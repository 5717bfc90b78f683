package dev.kelas.learning.analytics;

import dev.kelas.learning.analytics.StudentDashboard.Lab;
import dev.kelas.learning.analytics.StudentDashboard.Series;
import dev.kelas.learning.analytics.StudentDashboard.TaskScore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The formulas of the analytics figures, over rows of the read model: grade percents and averages (released for
 * what students see, recorded for staff), attendance percent, lab best scores, the weekly trend and the
 * leaderboard ranking. Pure functions; {@link AnalyticsService} chooses the rows and who may see them.
 */
final class AnalyticsFigures {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private AnalyticsFigures() {
    }

    /** The teacher's view of a grade: the latest recorded score, else the released one, as percent (unrounded), or null. */
    static BigDecimal recordedPercent(AnalyticsGrade g) {
        BigDecimal score = g.recordedScore != null ? g.recordedScore : g.releasedScore;
        if (score == null || g.maxScore == null || g.maxScore.signum() == 0 || (g.released && g.excused)) {
            return null;
        }
        return score.multiply(HUNDRED).divide(g.maxScore, 10, RoundingMode.HALF_UP);
    }

    static BigDecimal recordedAverage(List<AnalyticsGrade> grades) {
        List<BigDecimal> values = grades.stream().map(AnalyticsFigures::recordedPercent).filter(java.util.Objects::nonNull).toList();
        if (values.isEmpty()) {
            return null;
        }
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(values.size()), 1, RoundingMode.HALF_UP);
    }

    /** Standard competition ranking ("1224"): a student's rank is one more than the number of higher values. */
    static List<Leaderboard.Entry> rank(List<Map.Entry<UUID, BigDecimal>> sortedDescending) {
        List<Leaderboard.Entry> entries = new ArrayList<>();
        for (int i = 0; i < sortedDescending.size(); i++) {
            BigDecimal value = sortedDescending.get(i).getValue();
            int rank = i > 0 && value.compareTo(sortedDescending.get(i - 1).getValue()) == 0 ? entries.get(i - 1).rank() : i + 1;
            entries.add(new Leaderboard.Entry(rank, sortedDescending.get(i).getKey(), value));
        }
        return entries;
    }

    static <T> Map<UUID, BigDecimal> perStudent(List<T> rows, Function<T, UUID> student, Function<List<T>, BigDecimal> value) {
        Map<UUID, List<T>> byStudent = rows.stream().collect(Collectors.groupingBy(student));
        Map<UUID, BigDecimal> values = new HashMap<>();
        byStudent.forEach((id, list) -> values.put(id, value.apply(list)));
        return values;
    }

    static BigDecimal percent(AnalyticsGrade grade) {
        if (grade.maxScore == null || grade.maxScore.signum() == 0 || grade.releasedScore == null) {
            return null;
        }
        return grade.releasedScore.multiply(HUNDRED).divide(grade.maxScore, 1, RoundingMode.HALF_UP);
    }

    /** Mean percent of released, not excused grades (each percent unrounded, the mean to 1 decimal), or null. */
    static BigDecimal average(List<AnalyticsGrade> grades) {
        List<AnalyticsGrade> counted = grades.stream().filter(g -> g.released && !g.excused && g.releasedScore != null
                && g.maxScore != null && g.maxScore.signum() > 0).toList();
        if (counted.isEmpty()) {
            return null;
        }
        BigDecimal sum = counted.stream().map(g -> g.releasedScore.multiply(HUNDRED).divide(g.maxScore, 10, RoundingMode.HALF_UP))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(counted.size()), 1, RoundingMode.HALF_UP);
    }

    static BigDecimal attendance(List<AnalyticsAttendance> marks) {
        return attendance(marks.stream().filter(m -> !m.absence).count(), marks.size());
    }

    /** Percent of marks that are not absences, to 1 decimal (half up), or null without marks. */
    static BigDecimal attendance(long present, long marks) {
        if (marks == 0) {
            return null;
        }
        return BigDecimal.valueOf(present * 100).divide(BigDecimal.valueOf(marks), 1, RoundingMode.HALF_UP);
    }

    static Lab lab(List<AnalyticsLabAttempt> attempts) {
        List<TaskScore> best = bestScores(attempts);
        return new Lab(best.size(), (int) best.stream().filter(TaskScore::solved).count(), best);
    }

    static List<TaskScore> bestScores(List<AnalyticsLabAttempt> attempts) {
        Map<UUID, List<AnalyticsLabAttempt>> byTask = attempts.stream().collect(Collectors.groupingBy(a -> a.taskId, TreeMap::new,
                Collectors.toList()));
        List<TaskScore> scores = new ArrayList<>();
        byTask.forEach((task, list) -> {
            AnalyticsLabAttempt best = list.stream().max(Comparator.comparing((AnalyticsLabAttempt a) -> a.score)).orElseThrow();
            boolean solved = list.stream().anyMatch(a -> "ACCEPTED".equals(a.verdict));
            scores.add(new TaskScore(task, best.assignmentId, best.score, best.maxScore, solved));
        });
        return scores;
    }

    /** Average released grade per ISO week of its release (UTC), oldest week first. */
    static Series trend(List<AnalyticsGrade> released) {
        Map<LocalDate, List<AnalyticsGrade>> byWeek = released.stream().filter(g -> g.releasedAt != null)
                .collect(Collectors.groupingBy(g -> LocalDate.ofInstant(g.releasedAt, ZoneOffset.UTC)
                        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), TreeMap::new, Collectors.toList()));
        List<String> labels = new ArrayList<>();
        List<BigDecimal> values = new ArrayList<>();
        byWeek.forEach((week, grades) -> {
            BigDecimal value = average(grades);
            if (value != null) {
                labels.add(week.toString());
                values.add(value);
            }
        });
        return new Series(labels, values);
    }
}
