package dev.kelas.learning.grading;

import dev.kelas.learning.assignment.Assignment;
import dev.kelas.learning.member.Member;
import dev.kelas.learning.enrollment.SchoolClass;
import dev.kelas.learning.grading.GradebookData.Cell;
import dev.kelas.learning.grading.GradebookData.Membership;
import dev.kelas.learning.grading.GradebookData.SubjectGrade;
import dev.kelas.learning.grading.GradebookData.SubjectInfo;
import java.math.BigDecimal;
import java.util.List;

/**
 * A class's gradebook: its published assignments as columns, its subjects with their configuration, and
 * one row per student ever enrolled (transferred and withdrawn students keep their row and grades).
 *
 * @param assignments the columns, in due order
 * @param rows        one per student, in order of first enrollment
 */
public record ClassGradebook(SchoolClass schoolClass, List<Assignment> assignments, List<SubjectInfo> subjects,
                             List<Row> rows) {

    /**
     * One student's grades.
     *
     * @param member        the student, or null while unknown here
     * @param cells         one per assignment, in column order
     * @param totalScore    sum of the scores that count (after late penalties; excused ones left out), in points
     * @param totalMax      sum of the points of all the columns
     * @param subjectGrades per subject of {@code subjects}, then one with a null subject id for assignments without a subject
     */
    public record Row(Membership membership, Member member, List<Cell> cells, BigDecimal totalScore, BigDecimal totalMax,
                      List<SubjectGrade> subjectGrades) {
    }
}
