package dev.kelas.learning.records.dto;

import dev.kelas.learning.records.StudentRecordImportService.Outcome;

/** What a CSV import of student records did: rows read, records created and records replaced. */
public record RecordImportResponse(int rows, int created, int replaced) {
    public static RecordImportResponse of(Outcome o) {
        return new RecordImportResponse(o.rows(), o.created(), o.replaced());
    }
}
