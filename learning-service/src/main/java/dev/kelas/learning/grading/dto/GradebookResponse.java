package dev.kelas.learning.grading.dto;

import dev.kelas.learning.common.dto.AssignmentResponse;
import dev.kelas.learning.grading.GradebookData;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kelas.learning.enrollment.EnrollmentStatus;
import dev.kelas.learning.grading.GradingMethod;
import dev.kelas.learning.grading.FinalGrade;
import dev.kelas.learning.grading.GradebookData.Cell;
import dev.kelas.learning.grading.GradebookData.SubjectGrade;
import dev.kelas.learning.grading.GradebookData.SubjectInfo;
import dev.kelas.learning.grading.ClassGradebook;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A class gradebook: the published assignments as columns, the subjects with their grading, and one row per
 * student ever enrolled.
 *
 * @param rows each with {@code scores}: assignment id to points that count (absent: no grade, or excused),
 *             {@code grades}: assignment id to the cell's detail, and {@code subjects}: the final grade per subject
 *             (a last entry with a null {@code subjectId} covers assignments without a subject)
 */
public record GradebookResponse(UUID classId, String className, List<AssignmentResponse> assignments,
                                List<SubjectColumn> subjects, List<Row> rows) {

    /** A subject of the class and how its grade is computed (AVERAGE when not configured). */
    public record SubjectColumn(UUID subjectId, String code, String name, GradingMethod method, boolean configured,
                                Instant finalizedAt, List<ComponentColumn> components) {
    }

    /** A configured component. */
    public record ComponentColumn(UUID componentId, String name, BigDecimal weight, int dropLowest) {
    }

    /** One student's line; totals in points. */
    public record Row(UUID studentId, String name, String email, EnrollmentStatus enrollmentStatus,
                      Map<UUID, BigDecimal> scores, BigDecimal totalScore, BigDecimal totalMax, Map<UUID, CellDetail> grades,
                      List<SubjectFinal> subjects) {
    }

    /**
     * One assignment for one student.
     *
     * @param status GRADED, EXCUSED, MISSING (counts as 0) or PENDING (does not count yet)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CellDetail(FinalGrade.Status status, BigDecimal score, BigDecimal rawScore, BigDecimal latePenaltyPercent,
                             String source) {
    }

    /**
     * @param components component id to its percentage (0..100)
     * @param finalGrade 0..100, null while nothing counts
     * @param dropped    the assignments dropped as lowest
     */
    public record SubjectFinal(UUID subjectId, Map<UUID, BigDecimal> components, BigDecimal finalGrade, Set<UUID> dropped) {
    }

    public static GradebookResponse of(ClassGradebook gradebook) {
        return new GradebookResponse(gradebook.schoolClass().id, gradebook.schoolClass().name,
                gradebook.assignments().stream().map(AssignmentResponse::of).toList(),
                gradebook.subjects().stream().map(GradebookResponse::column).toList(),
                gradebook.rows().stream().map(GradebookResponse::row).toList());
    }

    static SubjectColumn column(SubjectInfo s) {
        return new SubjectColumn(s.subject().id, s.subject().code, s.subject().name, s.method(), s.configured(),
                s.finalizedAt(), s.components().stream()
                .map(c -> new ComponentColumn(c.componentId(), c.name(), c.weight(), c.dropLowest())).toList());
    }

    private static Row row(ClassGradebook.Row r) {
        Map<UUID, BigDecimal> scores = new LinkedHashMap<>();
        Map<UUID, CellDetail> grades = new LinkedHashMap<>();
        for (Cell cell : r.cells()) {
            if (cell.status() == FinalGrade.Status.GRADED) {
                scores.put(cell.assignment().id, cell.grade().score);
            }
            grades.put(cell.assignment().id, detail(cell));
        }
        return new Row(r.membership().studentId(), r.member() == null ? null : r.member().name,
                r.member() == null ? null : r.member().email, r.membership().status(), scores, r.totalScore(), r.totalMax(),
                grades, r.subjectGrades().stream().map(GradebookResponse::subjectFinal).toList());
    }

    static CellDetail detail(Cell cell) {
        return cell.grade() == null ? new CellDetail(cell.status(), null, null, null, null)
                : new CellDetail(cell.status(), cell.grade().score, cell.grade().rawScore, cell.grade().latePenaltyPercent,
                cell.grade().source);
    }

    static SubjectFinal subjectFinal(SubjectGrade g) {
        return new SubjectFinal(g.subjectId(), g.result().componentPercents(), g.result().finalPercent(), g.result().dropped());
    }
}
