package dev.kelas.learning.grading;

import dev.kelas.learning.assignment.Assignment;
import dev.kelas.learning.enrollment.EnrollmentStatus;
import dev.kelas.learning.enrollment.SchoolClass;
import dev.kelas.learning.grading.GradebookData.Cell;
import dev.kelas.learning.grading.GradebookData.SubjectInfo;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The class grade report's arithmetic: per subject the mean, median, lowest and highest final grade of the
 * active students; per assignment how many are graded, excused, missing and pending, and the mean percentage.
 */
public final class GradeStatistics {
    private GradeStatistics() {
    }

    /** Statistics of a class's final grades in a subject (over its active students with a final grade). */
    public record SubjectStats(SubjectInfo subject, int students, int graded, BigDecimal mean, BigDecimal median,
                               BigDecimal min, BigDecimal max) {
    }

    /** How an assignment went for the class's active students; {@code meanPercent} over the graded ones. */
    public record AssignmentStats(Assignment assignment, int graded, int excused, int missing, int pending,
                                  BigDecimal meanPercent) {
    }

    /** The class grade report. */
    public record GradeReport(SchoolClass schoolClass, List<SubjectStats> subjects, List<AssignmentStats> assignments) {
    }

    /** The report of a class gradebook (hidden grades included, as the gradebook has them). */
    static GradeReport report(ClassGradebook gradebook) {
        List<ClassGradebook.Row> active = gradebook.rows().stream()
                .filter(r -> r.membership().status() == EnrollmentStatus.ACTIVE).toList();
        List<SubjectStats> subjects = new ArrayList<>();
        for (int i = 0; i < gradebook.subjects().size(); i++) {
            int index = i;
            List<BigDecimal> finals = active.stream().map(r -> r.subjectGrades().get(index).result().finalPercent())
                    .filter(Objects::nonNull).sorted().toList();
            subjects.add(new SubjectStats(gradebook.subjects().get(i), active.size(), finals.size(), mean(finals),
                    median(finals), finals.isEmpty() ? null : finals.get(0), finals.isEmpty() ? null : finals.get(finals.size() - 1)));
        }
        List<AssignmentStats> assignments = new ArrayList<>();
        for (int i = 0; i < gradebook.assignments().size(); i++) {
            int index = i;
            List<Cell> cells = active.stream().map(r -> r.cells().get(index)).toList();
            List<BigDecimal> percents = cells.stream().filter(c -> c.status() == FinalGrade.Status.GRADED)
                    .map(c -> c.grade().score.multiply(BigDecimal.valueOf(100)).divide(c.assignment().points, 10, RoundingMode.HALF_UP))
                    .toList();
            assignments.add(new AssignmentStats(gradebook.assignments().get(i), percents.size(),
                    count(cells, FinalGrade.Status.EXCUSED), count(cells, FinalGrade.Status.MISSING),
                    count(cells, FinalGrade.Status.PENDING), mean(percents)));
        }
        return new GradeReport(gradebook.schoolClass(), subjects, assignments);
    }

    private static int count(List<Cell> cells, FinalGrade.Status status) {
        return (int) cells.stream().filter(c -> c.status() == status).count();
    }

    private static BigDecimal mean(List<BigDecimal> values) {
        return values.isEmpty() ? null : values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal median(List<BigDecimal> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int middle = sorted.size() / 2;
        BigDecimal value = sorted.size() % 2 == 1 ? sorted.get(middle)
                : sorted.get(middle - 1).add(sorted.get(middle)).divide(BigDecimal.valueOf(2), 10, RoundingMode.HALF_UP);
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
