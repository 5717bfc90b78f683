package dev.kelas.learning.records;

import dev.kelas.contracts.Role;
import dev.kelas.learning.enrollment.SchoolClass;
import dev.kelas.learning.member.Member;
import dev.kelas.learning.records.StudentRecordService.Contact;
import dev.kelas.learning.records.StudentRecordService.RecordFields;
import dev.kelas.runtime.problem.KelasException.FieldError;
import dev.kelas.runtime.problem.ValidationException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Bulk import of student records from CSV (RFC 4180, parsed by Apache Commons CSV) with a header row naming the columns
 * {@code email}, {@code studentNumber}, {@code dateOfBirth} and optionally {@code gradeLevel}, {@code homeroomClass} (a
 * class code), {@code guardianName}, {@code guardianRelationship}, {@code guardianEmail}, {@code guardianPhone}. Each row
 * is checked by the rules of {@code PUT /api/v1/students/{id}/record}; the import writes every row in one transaction,
 * or nothing if any row is bad.
 */
@ApplicationScoped
public class StudentRecordImportService {
    /** Most rows one import takes. */
    public static final int MAX_ROWS = 2000;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern NUMBER = Pattern.compile(StudentRecordService.STUDENT_NUMBER);
    private static final Pattern PHONE = Pattern.compile(StudentRecordService.PHONE);
    private static final List<String> REQUIRED = List.of("email", "studentnumber", "dateofbirth");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreHeaderCase(true).setIgnoreEmptyLines(true).setTrim(true).get();

    private final StudentRecordService records;

    public StudentRecordImportService(StudentRecordService records) {
        this.records = records;
    }

    /** What an import did: rows read, records created and records replaced. */
    public record Outcome(int rows, int created, int replaced) {
    }

    private record Row(long line, String email, String number, LocalDate dateOfBirth, Integer gradeLevel, String homeroomCode,
                       Contact guardian) {
    }

    /**
     * Checks and imports the CSV: a row's record replaces the student's (its guardian columns, when given, replace the
     * guardian contacts with that one; when blank they keep the stored ones).
     *
     * @throws ValidationException if the file is not CSV with the required header or has more than {@link #MAX_ROWS}
     *                             rows (field {@code file}), or any row is bad: one error per field with {@code index} the
     *                             line (the header is line 1), nothing written; a number another student of the school
     *                             has (outside or inside the file) is such an error with code {@code STUDENT_NUMBER_TAKEN}
     */
    public Uni<Outcome> importCsv(Caller caller, String csv) {
        UUID tenantId = caller.tenantId();
        List<FieldError> errors = new ArrayList<>();
        List<Row> rows = parse(csv, errors);
        return Panache.withTransaction(() -> Member.<Member>list("tenantId = ?1 and role = ?2", tenantId, Role.STUDENT)
                .chain(members -> SchoolClass.listForTenant(tenantId, null).chain(classes -> StudentRecord.<StudentRecord>list("tenantId", tenantId)
                        .chain(stored -> {
                            Map<String, UUID> studentByEmail = new HashMap<>();
                            members.forEach(m -> studentByEmail.put(m.email.toLowerCase(Locale.ROOT), m.userId));
                            Map<String, UUID> classByCode = new HashMap<>();
                            classes.forEach(c -> classByCode.put(c.code, c.id));
                            Map<String, UUID> holder = new HashMap<>();
                            stored.forEach(r -> holder.put(r.studentNumber, r.id));
                            Map<UUID, Long> studentLine = new HashMap<>();
                            Map<String, Long> numberLine = new HashMap<>();
                            List<Runnable> writes = new ArrayList<>();
                            List<UUID> ids = new ArrayList<>();
                            for (Row row : rows) {
                                UUID studentId = row.email() == null ? null : studentByEmail.get(row.email().toLowerCase(Locale.ROOT));
                                if (row.email() != null && studentId == null) {
                                    errors.add(error(row.line(), "email", "is not a STUDENT account of your school", null));
                                } else if (studentId != null && studentLine.putIfAbsent(studentId, row.line()) != null) {
                                    errors.add(error(row.line(), "email", "appears twice in the file", null));
                                }
                                if (row.homeroomCode() != null && !classByCode.containsKey(row.homeroomCode())) {
                                    errors.add(error(row.line(), "homeroomClass", "is not the code of a class of your school", null));
                                }
                                if (row.number() != null) {
                                    UUID owner = holder.get(row.number());
                                    if (numberLine.putIfAbsent(row.number(), row.line()) != null) {
                                        errors.add(error(row.line(), "studentNumber", "appears twice in the file", "STUDENT_NUMBER_TAKEN"));
                                    } else if (owner != null && !owner.equals(studentId)) {
                                        errors.add(error(row.line(), "studentNumber", "another student of your school has it",
                                                "STUDENT_NUMBER_TAKEN"));
                                    }
                                }
                                ids.add(studentId);
                            }
                            if (!errors.isEmpty()) {
                                errors.sort(java.util.Comparator.comparing(FieldError::index).thenComparing(FieldError::field));
                                throw new ValidationException("The file has bad rows; nothing was imported", errors);
                            }
                            Uni<int[]> chain = Uni.createFrom().item(new int[2]);
                            for (int i = 0; i < rows.size(); i++) {
                                Row row = rows.get(i);
                                UUID studentId = ids.get(i);
                                RecordFields fields = new RecordFields(row.number(), row.dateOfBirth(), row.gradeLevel(),
                                        row.homeroomCode() == null ? null : classByCode.get(row.homeroomCode()), null);
                                chain = chain.chain(counts -> records.write(tenantId, studentId, row.number(), fields,
                                        row.guardian() == null ? null : List.of(row.guardian()), null).map(view -> {
                                            counts[view.created() ? 0 : 1]++;
                                            return counts;
                                        }));
                            }
                            return chain.map(counts -> new Outcome(rows.size(), counts[0], counts[1]));
                        }))));
    }

    private List<Row> parse(String csv, List<FieldError> errors) {
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(csv == null ? "" : csv), FORMAT)) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
            if (!header.containsAll(REQUIRED)) {
                throw new ValidationException("file", "the header row must name the columns email, studentNumber, dateOfBirth "
                        + "(and optionally gradeLevel, homeroomClass, guardianName, guardianRelationship, guardianEmail, guardianPhone)");
            }
            for (CSVRecord record : parser) {
                if (rows.size() >= MAX_ROWS) {
                    throw new ValidationException("file", "has more than " + MAX_ROWS + " rows; split it");
                }
                rows.add(check(record, errors));
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // The parser's message names its own classes: the client gets no library names.
            throw new ValidationException("file", "is not valid CSV (RFC 4180)");
        }
        if (rows.isEmpty()) {
            throw new ValidationException("file", "has no rows");
        }
        return rows;
    }

    private static Row check(CSVRecord record, List<FieldError> errors) {
        long line = record.getParser().getCurrentLineNumber();
        String email = field(record, "email");
        String number = field(record, "studentNumber");
        String born = field(record, "dateOfBirth");
        String grade = field(record, "gradeLevel");
        if (email == null || !EMAIL.matcher(email).matches()) {
            errors.add(error(line, "email", "must be the student's e-mail address", null));
            email = null;
        }
        if (number == null || !NUMBER.matcher(number).matches()) {
            errors.add(error(line, "studentNumber", "must be 1 to 32 letters, digits, '.', '/', '_' or '-'", null));
            number = null;
        }
        LocalDate dateOfBirth = null;
        try {
            dateOfBirth = born == null ? null : LocalDate.parse(born);
        } catch (DateTimeParseException e) {
            dateOfBirth = null;
        }
        if (dateOfBirth == null || !dateOfBirth.isBefore(LocalDate.now())) {
            errors.add(error(line, "dateOfBirth", "must be a date (YYYY-MM-DD) in the past", null));
        }
        Integer gradeLevel = null;
        if (grade != null) {
            try {
                gradeLevel = Integer.parseInt(grade);
            } catch (NumberFormatException e) {
                gradeLevel = 0;
            }
            if (gradeLevel < 1 || gradeLevel > 13) {
                errors.add(error(line, "gradeLevel", "must be 1 to 13", null));
            }
        }
        String name = field(record, "guardianName");
        String relationship = field(record, "guardianRelationship");
        String guardianEmail = field(record, "guardianEmail");
        String phone = field(record, "guardianPhone");
        Contact guardian = null;
        if (name != null || relationship != null || guardianEmail != null || phone != null) {
            if (name == null || name.length() > 200) {
                errors.add(error(line, "guardianName", "is required with a guardian (at most 200 characters)", null));
            }
            if (relationship == null || relationship.length() > 60) {
                errors.add(error(line, "guardianRelationship", "is required with a guardian (at most 60 characters)", null));
            }
            if (guardianEmail != null && (guardianEmail.length() > 254 || !EMAIL.matcher(guardianEmail).matches())) {
                errors.add(error(line, "guardianEmail", "must be an e-mail address", null));
            }
            if (phone != null && !PHONE.matcher(phone).matches()) {
                errors.add(error(line, "guardianPhone", "must be a phone number", null));
            }
            if (guardianEmail == null && phone == null) {
                errors.add(error(line, "guardianEmail", "a guardian needs an e-mail address or a phone number", null));
            }
            guardian = new Contact(name, relationship, guardianEmail, phone);
        }
        return new Row(line, email, number, dateOfBirth, gradeLevel, field(record, "homeroomClass"), guardian);
    }

    private static FieldError error(long line, String field, String message, String code) {
        return new FieldError(field, message, (int) line, null, code);
    }

    /** A column's value in a row (header names compare case-insensitively), null when absent or blank. */
    private static String field(CSVRecord record, String column) {
        if (!record.isMapped(column) || !record.isSet(column)) {
            return null;
        }
        String value = record.get(column);
        return value == null || value.isBlank() ? null : value;
    }
}
