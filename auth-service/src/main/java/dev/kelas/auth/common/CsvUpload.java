package dev.kelas.auth.common;

import dev.kelas.runtime.problem.ValidationException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * An uploaded CSV list of people (the user import, invitations): RFC 4180 with a header row (any case, trimmed,
 * empty lines skipped), read by Apache Commons CSV. Problems with the file as a whole are 422 on field {@code file};
 * each row is the caller's to check.
 */
public final class CsvUpload {
    /** Most rows one file may hold. */
    public static final int MAX_ROWS = 2000;
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreHeaderCase(true).setIgnoreEmptyLines(true).setTrim(true).get();
    private static final Pattern LINE = Pattern.compile("line (\\d+)");

    private CsvUpload() {
    }

    /**
     * Reads every row of {@code csv} through {@code row} (which records the row's own errors as it likes).
     *
     * @param required the columns the header must name
     * @param columns  how to name the expected columns in the error, e.g. {@code "email, name, role"}
     * @throws ValidationException 422 on {@code file}: a header without a required column, more than {@link #MAX_ROWS}
     *                             rows, or text that is not CSV (with the line, and no library names)
     */
    public static <T> List<T> rows(String csv, List<String> required, String columns, Function<CSVRecord, T> row) {
        List<T> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(csv == null ? "" : csv), FORMAT)) {
            for (String column : required) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    throw new ValidationException("file", "the header row must name the columns " + columns);
                }
            }
            for (CSVRecord record : parser) {
                if (rows.size() >= MAX_ROWS) {
                    throw new ValidationException("file", "has more than " + MAX_ROWS + " rows; split it");
                }
                rows.add(row.apply(record));
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // The parser's message names its own classes: the client gets the line only.
            Matcher line = LINE.matcher(String.valueOf(e.getMessage()));
            throw new ValidationException("file", "is not valid CSV (RFC 4180) near line " + (line.find() ? line.group(1) : "?"));
        }
        return rows;
    }
}
