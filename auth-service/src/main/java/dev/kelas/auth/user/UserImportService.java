package dev.kelas.auth.user;

import dev.kelas.auth.account.AccountService;
import dev.kelas.auth.account.PasswordHasher;
import dev.kelas.auth.account.PasswordPolicy;
import dev.kelas.auth.account.UserAccount;
import dev.kelas.auth.audit.AuditTrail;
import dev.kelas.auth.common.CsvUpload;
import dev.kelas.auth.common.ClientInfo;
import dev.kelas.auth.token.TokenService;
import dev.kelas.contracts.Role;
import dev.kelas.runtime.problem.ValidationException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;

/**
 * Bulk import of accounts from CSV (RFC 4180, parsed by Apache Commons CSV) with a header row naming
 * the columns {@code email}, {@code name}, {@code role} and optionally {@code password}. A row without
 * a password gets an unguessable one and a password-reset token, so the person sets their own.
 * Every row is checked first (format, password policy, duplicates in the file and in the school);
 * a dry run only reports; an import writes all rows in one transaction, or none if any row is bad.
 */
@ApplicationScoped
public class UserImportService {
    /** Most rows one import takes. */
    public static final int MAX_ROWS = CsvUpload.MAX_ROWS;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final AccountService accounts;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final AuditTrail audit;

    public UserImportService(AccountService accounts, PasswordPolicy policy, PasswordHasher hasher, AuditTrail audit) {
        this.accounts = accounts;
        this.policy = policy;
        this.hasher = hasher;
        this.audit = audit;
    }

    /** A problem with one field of one row; {@code line} is the line number in the file (the header is line 1). */
    public record RowError(long line, String field, String message) {
    }

    /** The outcome: rows read, rows valid, accounts created (0 in a dry run or when any row is bad), and the errors. */
    public record Report(boolean dryRun, int rows, int valid, int created, List<RowError> errors) {
    }

    private record Row(long line, String email, String name, Role role, String password) {
    }

    /**
     * Checks and, unless {@code dryRun}, imports the CSV.
     *
     * @throws ValidationException if the file is not CSV with the required header, or has too many rows
     */
    public Uni<Report> importCsv(UUID tenantId, UUID actorId, String csv, boolean dryRun, ClientInfo client) {
        List<RowError> errors = new ArrayList<>();
        List<Row> rows = parse(csv, errors);
        return Panache.withSession(() -> existingEmails(tenantId, rows)).chain(existing -> {
            List<Row> valid = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (Row row : rows) {
                String key = row.email() == null ? null : row.email().toLowerCase(Locale.ROOT);
                if (key != null && !seen.add(key)) {
                    errors.add(new RowError(row.line(), "email", "appears twice in the file"));
                } else if (key != null && existing.contains(key)) {
                    errors.add(new RowError(row.line(), "email", "already has an account in this school"));
                } else if (errors.stream().noneMatch(e -> e.line() == row.line())) {
                    valid.add(row);
                }
            }
            errors.sort(java.util.Comparator.comparingLong(RowError::line).thenComparing(RowError::field));
            if (dryRun || !errors.isEmpty()) {
                return Uni.createFrom().item(new Report(dryRun, rows.size(), valid.size(), 0, List.copyOf(errors)));
            }
            return write(tenantId, actorId, valid, client)
                    .map(created -> new Report(false, rows.size(), valid.size(), created, List.of()));
        });
    }

    private Uni<Integer> write(UUID tenantId, UUID actorId, List<Row> rows, ClientInfo client) {
        // Hash first (CPU, worker pool), then write everything in one transaction.
        Map<Row, String> hashes = new HashMap<>();
        return Multi.createFrom().iterable(rows)
                .onItem().transformToUniAndConcatenate(row -> hasher.hash(row.password() != null ? row.password() : TokenService.randomToken())
                        .invoke(hash -> hashes.put(row, hash)))
                .collect().last()
                .chain(() -> Panache.withTransaction(() -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Row row : rows) {
                        chain = chain.chain(() -> accounts.insertUser(tenantId, row.email(), row.name(), row.role(), hashes.get(row))
                                .chain(user -> row.password() == null ? accounts.issueResetToken(user, actorId, client)
                                        : Uni.createFrom().voidItem()));
                    }
                    return chain.chain(() -> audit.record(tenantId, actorId, "user.imported", "tenant", tenantId,
                            Map.of("created", rows.size()), client));
                }))
                .replaceWith(rows.size());
    }

    private List<Row> parse(String csv, List<RowError> errors) {
        return CsvUpload.rows(csv, List.of("email", "name", "role"), "email, name, role (and optionally password)", record -> check(record, errors));
    }

    private Row check(CSVRecord record, List<RowError> errors) {
        long line = record.getParser().getCurrentLineNumber();
        String email = field(record, "email");
        String name = field(record, "name");
        String roleText = field(record, "role");
        String password = field(record, "password");
        if (email == null || email.length() > 254 || !EMAIL.matcher(email).matches()) {
            errors.add(new RowError(line, "email", "must be an e-mail address"));
        }
        if (name == null || name.length() > 200) {
            errors.add(new RowError(line, "name", "is required (at most 200 characters)"));
        }
        Role role;
        try {
            role = roleText == null ? null : Role.valueOf(roleText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException notARole) {
            role = null;
        }
        if (role == null) {
            errors.add(new RowError(line, "role", "must be ADMIN, TEACHER, STUDENT or PARENT"));
        }
        if (password != null) {
            String problem = policy.problem(password);
            if (problem != null) {
                errors.add(new RowError(line, "password", problem));
            }
        }
        return new Row(line, email, name, role, password);
    }

    /** A column's value in a row (header names compare case-insensitively), null when absent or blank. */
    private static String field(CSVRecord record, String column) {
        if (!record.isSet(column)) {
            return null;
        }
        String value = record.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Uni<Set<String>> existingEmails(UUID tenantId, List<Row> rows) {
        List<String> emails = rows.stream().map(Row::email).filter(java.util.Objects::nonNull)
                .map(e -> e.toLowerCase(Locale.ROOT)).distinct().toList();
        if (emails.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return UserAccount.<UserAccount>list("tenantId = ?1 and lower(email) in ?2", tenantId, emails)
                .map(users -> {
                    Set<String> found = new HashSet<>();
                    users.forEach(u -> found.add(u.email.toLowerCase(Locale.ROOT)));
                    return found;
                });
    }
}
