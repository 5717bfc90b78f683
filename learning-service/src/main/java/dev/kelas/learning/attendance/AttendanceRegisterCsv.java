package dev.kelas.learning.attendance;

import dev.kelas.learning.attendance.AttendanceReportService.Register;
import dev.kelas.learning.attendance.AttendanceReportService.RegisterRow;
import dev.kelas.learning.attendance.AttendanceSessionService.SessionView;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A class's register as CSV (RFC 4180, Apache Commons CSV): one row per student, one column per session
 * ({@code <date> <start> <kind>}) holding the status code or nothing. A text cell that a spreadsheet would run as a
 * formula (starting with {@code = + - @}, tab or carriage return) is prefixed with an apostrophe (OWASP "CSV injection").
 */
final class AttendanceRegisterCsv {
    private AttendanceRegisterCsv() {
    }

    /** The register as CSV text with a header row. */
    static String write(Register register) {
        List<String> header = new ArrayList<>(List.of("student_id", "name"));
        for (SessionView session : register.sessions()) {
            header.add(session.date() + (session.startsAt() == null ? "" : " " + session.startsAt()) + " " + session.kind()
                    + (session.title() == null || session.kind() == SessionKind.DAILY ? "" : " " + session.title()));
        }
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader(header.stream().map(AttendanceRegisterCsv::safe).toArray(String[]::new)).get())) {
            for (RegisterRow row : register.rows()) {
                List<String> cells = new ArrayList<>();
                cells.add(row.studentId().toString());
                cells.add(safe(row.name()));
                for (SessionView session : register.sessions()) {
                    cells.add(session.id() == null ? "" : safe(row.marks().getOrDefault(session.id(), "")));
                }
                csv.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The text, with an apostrophe in front when a spreadsheet would read it as a formula. */
    static String safe(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + text : text;
    }
}
