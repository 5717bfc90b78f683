package dev.kelas.learning.grading;

import dev.kelas.learning.assignment.Assignment;
import dev.kelas.learning.grading.GradebookData.Cell;
import dev.kelas.learning.grading.GradebookData.ComponentInfo;
import dev.kelas.learning.grading.GradebookData.SubjectInfo;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The class gradebook as CSV (RFC 4180, Apache Commons CSV): one row per student with each assignment's
 * points that count ({@code EXCUSED}, {@code MISSING} or empty when pending), each subject's component
 * percentages and final grade, and the point totals. A text cell that a spreadsheet would run as a formula
 * (starting with {@code = + - @}, tab or carriage return) is prefixed with an apostrophe (OWASP "CSV injection").
 */
final class GradebookCsv {
    private GradebookCsv() {
    }

    /** The gradebook as CSV text with a header row. */
    static String write(ClassGradebook gradebook) {
        List<String> header = new ArrayList<>(List.of("student_id", "name", "email", "enrollment_status"));
        for (Assignment assignment : gradebook.assignments()) {
            header.add(assignment.title + " (" + plain(assignment.points) + ")");
        }
        for (SubjectInfo subject : gradebook.subjects()) {
            for (ComponentInfo component : subject.components()) {
                header.add(subject.subject().code + " " + component.name() + " %");
            }
            header.add(subject.subject().code + " final");
        }
        header.add("total_score");
        header.add("total_max");
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader(header.stream().map(GradebookCsv::safe).toArray(String[]::new)).get())) {
            for (ClassGradebook.Row row : gradebook.rows()) {
                List<String> cells = new ArrayList<>();
                cells.add(row.membership().studentId().toString());
                cells.add(safe(row.member() == null ? "" : row.member().name));
                cells.add(safe(row.member() == null ? "" : row.member().email));
                cells.add(row.membership().status().name());
                for (Cell cell : row.cells()) {
                    cells.add(switch (cell.status()) {
                        case GRADED -> plain(cell.grade().score);
                        case EXCUSED, MISSING -> cell.status().name();
                        case PENDING -> "";
                    });
                }
                for (int i = 0; i < gradebook.subjects().size(); i++) {
                    FinalGrade.Result result = row.subjectGrades().get(i).result();
                    for (ComponentInfo component : gradebook.subjects().get(i).components()) {
                        cells.add(plain(result.componentPercents().get(component.componentId())));
                    }
                    cells.add(plain(result.finalPercent()));
                }
                cells.add(plain(row.totalScore()));
                cells.add(plain(row.totalMax()));
                csv.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static String safe(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + text : text;
    }
}
