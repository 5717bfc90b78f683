package dev.kelas.learning.grading.dto;

import dev.kelas.learning.grading.GradingService.BulkGrade;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * Many students' grades on one assignment, written all or nothing.
 *
 * @param grades 1 to 500 entries, each a student and a grade as {@link GradeRequest} takes it
 */
public record BulkGradeRequest(@NotEmpty @Size(max = 500) List<@NotNull @Valid Entry> grades) {

    /** One student's grade: exactly one of {@code points}, {@code rubric} or {@code excused: true}. */
    public record Entry(@NotNull UUID studentId, @NotNull @Valid GradeRequest grade) {
    }

    /** The service's view of it. */
    public List<BulkGrade> entries() {
        return grades.stream().map(e -> new BulkGrade(e.studentId(), e.grade().draft())).toList();
    }
}
