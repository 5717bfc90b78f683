package dev.kelas.learning.grading.dto;

import dev.kelas.learning.grading.GradeStatistics.AssignmentStats;
import dev.kelas.learning.grading.GradeStatistics.GradeReport;
import dev.kelas.learning.grading.GradeStatistics.SubjectStats;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** The class grade report, over the class's active students. */
public record GradeReportResponse(UUID classId, String className, List<SubjectStats> subjects, List<AssignmentStats> assignments) {

    /** Final grades in a subject: how many students, how many with a final grade, and their mean, median, min, max. */
    public record SubjectStats(UUID subjectId, String code, String name, int students, int graded, BigDecimal mean,
                               BigDecimal median, BigDecimal min, BigDecimal max) {
    }

    /** An assignment: counts by status and the mean percentage of the graded. */
    public record AssignmentStats(UUID assignmentId, String title, int graded, int excused, int missing, int pending,
                                  BigDecimal meanPercent) {
    }

    public static GradeReportResponse of(GradeReport report) {
        return new GradeReportResponse(report.schoolClass().id, report.schoolClass().name,
                report.subjects().stream().map(s -> new SubjectStats(s.subject().subject().id, s.subject().subject().code,
                        s.subject().subject().name, s.students(), s.graded(), s.mean(), s.median(), s.min(), s.max())).toList(),
                report.assignments().stream().map(a -> new AssignmentStats(a.assignment().id, a.assignment().title, a.graded(),
                        a.excused(), a.missing(), a.pending(), a.meanPercent())).toList());
    }
}
