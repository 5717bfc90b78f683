package dev.kelas.auth.user.dto;

import dev.kelas.auth.user.UserImportService;
import java.util.List;

/**
 * The outcome of a CSV import: rows read, valid rows, accounts created, and each row error
 * ({@code line} in the file, the header being line 1).
 */
public record ImportReport(boolean dryRun, int rows, int valid, int created, List<UserImportService.RowError> errors) {
    public static ImportReport of(UserImportService.Report report) {
        return new ImportReport(report.dryRun(), report.rows(), report.valid(), report.created(), report.errors());
    }
}
